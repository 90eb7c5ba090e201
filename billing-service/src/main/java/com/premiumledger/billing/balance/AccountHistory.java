package com.premiumledger.billing.balance;

import com.fasterxml.jackson.databind.JsonNode;
import com.premiumledger.billing.balance.AccountView.BillView;
import com.premiumledger.billing.support.AccountStreamProjection;
import com.premiumledger.platform.history.AggregateHistory;
import com.premiumledger.platform.history.HistoryEvent;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Folds an account's stored events with {@link AccountViewFold}, the balance projection's own fold, so the
 * history and the projection cannot disagree on a rule; only the source differs (the store, not Kafka).
 */
final class AccountHistory {

    /** Where a bill stands: PAID (nothing open), MISSED (missed and still open), PARTIALLY_PAID or OPEN. */
    enum BillStatus { OPEN, PARTIALLY_PAID, PAID, MISSED }

    record HistoryResponse(String accountId, Instant asOf, int eventsCounted, long eventsStored,
                           AccountState account, List<HistoryLine> events) {
    }

    /** The account view's figures, each bill with its status; {@code lastSequence} is the last event folded. */
    record AccountState(String holderName, String program, LocalDate coverageStart, String language,
                        List<BillState> bills, long billedCents, long paidCents, long paymentsReceivedCents,
                        long reversedCents, long refundedCents, long creditCents, long balanceCents, long openCents,
                        long lastSequence) {

        static AccountState of(AccountView view) {
            return new AccountState(view.holderName(), view.program(), view.coverageStart(), view.language(),
                    view.bills().stream().map(BillState::of).toList(), view.billedCents(), view.paidCents(),
                    view.paymentsReceivedCents(), view.reversedCents(), view.refundedCents(), view.creditCents(),
                    view.balanceCents(), view.openCents(), view.lastSequence());
        }
    }

    record BillState(String billId, String coverageMonth, LocalDate dueDate, long grossPremiumCents,
                     long subsidyCents, long amountDueCents, long paidCents, long openCents, boolean missed,
                     BillStatus status, String issuedEventId) {

        static BillState of(BillView bill) {
            return new BillState(bill.billId(), bill.coverageMonth(), bill.dueDate(), bill.grossPremiumCents(),
                    bill.subsidyCents(), bill.amountDueCents(), bill.paidCents(), bill.openCents(), bill.missed(),
                    status(bill), bill.issuedEventId());
        }

        private static BillStatus status(BillView bill) {
            if (bill.openCents() == 0) {
                return BillStatus.PAID;
            }
            if (bill.missed()) {
                return BillStatus.MISSED;
            }
            return bill.paidCents() > 0 ? BillStatus.PARTIALLY_PAID : BillStatus.OPEN;
        }
    }

    /**
     * One event of the stream; the three figures are the account's after it (null for an event the balance
     * view does not show).
     */
    record HistoryLine(long sequence, String eventId, String type, String name, Instant recordedAt,
                       String issuedBy, String summary, JsonNode payload, Long balanceAfterCents,
                       Long openAfterCents, Long creditAfterCents) {

        static HistoryLine of(HistoryEvent event, AccountView after) {
            return new HistoryLine(event.sequence(), event.eventId(), event.type(), event.name(),
                    event.recordedAt(), event.issuedBy(), event.summary(), event.payload(),
                    after == null ? null : after.balanceCents(), after == null ? null : after.openCents(),
                    after == null ? null : after.creditCents());
        }
    }

    private AccountHistory() {
    }

    static HistoryResponse fold(AggregateHistory.Events events) {
        AccountView view = null;
        List<HistoryLine> lines = new ArrayList<>(events.steps().size());
        for (AggregateHistory.Step step : events.steps()) {
            boolean shown = AccountStreamProjection.isAccountEvent(step.payload());
            if (shown) {
                view = AccountViewFold.apply(view, step.payload(), step.stored().eventId(), step.stored().sequence());
            }
            lines.add(HistoryLine.of(step.listed(), shown ? view : null));
        }
        if (view == null) {
            throw new IllegalStateException("the stream of " + events.aggregateId() + " shows no account event");
        }
        return new HistoryResponse(events.aggregateId(), events.asOf(), lines.size(), events.storedEvents(),
                AccountState.of(view), lines);
    }
}
