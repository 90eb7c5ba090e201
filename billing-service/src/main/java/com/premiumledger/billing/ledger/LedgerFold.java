package com.premiumledger.billing.ledger;

import com.premiumledger.billing.ledger.LedgerView.LedgerLine;
import com.premiumledger.billing.support.CommandSender;
import com.premiumledger.events.AccountOpened;
import com.premiumledger.events.BillIssued;
import com.premiumledger.events.EventTypes;
import com.premiumledger.events.LedgerEvent;
import com.premiumledger.events.Money;
import com.premiumledger.events.PaymentApplied;
import com.premiumledger.events.PaymentMissed;
import com.premiumledger.platform.consumer.ReceivedEvent;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/** How each account event adds a ledger line. Pure; the running balance is checked against the totals. */
final class LedgerFold {

    private LedgerFold() {
    }

    static LedgerView apply(LedgerView before, ReceivedEvent event) {
        LedgerEvent payload = event.payload();
        if (payload instanceof AccountOpened opened) {
            return new LedgerView(opened.accountId(), List.of(), 0, 0, 0, event.sequence());
        }
        LedgerLine line;
        if (payload instanceof BillIssued bill) {
            line = line(before, event, postingDate(event), "Bill " + bill.coverageMonth() + ": premium "
                    + Money.ofCents(bill.grossPremiumCents()) + " less subsidy " + Money.ofCents(bill.subsidyCents())
                    + ", due " + bill.dueDate(), bill.billId(), null, bill.amountDueCents(), 0, bill.issuedBy());
        } else if (payload instanceof PaymentApplied payment) {
            LocalDate date = payment.receivedDate() != null ? payment.receivedDate() : postingDate(event);
            line = line(before, event, date, "Payment " + payment.paymentId() + " received "
                    + Money.ofCents(payment.amountCents()), null, payment.paymentId(), 0, payment.amountCents(),
                    CommandSender.PAYMENT_APPLICATION);
        } else if (payload instanceof PaymentMissed missed) {
            line = line(before, event, missed.businessDate(), "Payment missed on bill " + missed.coverageMonth()
                    + " due " + missed.dueDate() + ": " + Money.ofCents(missed.openCents()) + " open",
                    missed.billId(), null, 0, 0, missed.decidedBy());
        } else {
            throw new IllegalArgumentException("not an account event: " + payload.getClass().getSimpleName());
        }
        List<LedgerLine> lines = new ArrayList<>(before.lines());
        lines.add(line);
        LedgerView after = new LedgerView(before.accountId(), lines, before.debitCents() + line.debitCents(),
                before.creditCents() + line.creditCents(), line.runningBalanceCents(), event.sequence());
        checkInvariants(after);
        return after;
    }

    private static LedgerLine line(LedgerView before, ReceivedEvent event, LocalDate date, String description,
                                   String billId, String paymentId, long debitCents, long creditCents,
                                   String issuedBy) {
        long runningBalanceCents = before.balanceCents() + debitCents - creditCents;
        return new LedgerLine(event.sequence(), event.eventId(), EventTypes.simpleName(event.envelope().type()), date,
                event.envelope().time(), description, billId, paymentId, debitCents, creditCents, runningBalanceCents,
                event.topic(), event.partition(), event.offset(), issuedBy);
    }

    /** A bill is posted on the day it was issued (its event time, so a replay posts it on the same day). */
    private static LocalDate postingDate(ReceivedEvent event) {
        return LocalDate.ofInstant(event.envelope().time(), ZoneOffset.UTC);
    }

    /** Debits equal credits plus balance, and the last running balance is the balance. */
    static void checkInvariants(LedgerView view) {
        long debitCents = view.lines().stream().mapToLong(LedgerLine::debitCents).sum();
        long creditCents = view.lines().stream().mapToLong(LedgerLine::creditCents).sum();
        long lastRunningCents = view.lines().isEmpty() ? 0
                : view.lines().get(view.lines().size() - 1).runningBalanceCents();
        if (debitCents != view.debitCents() || creditCents != view.creditCents()
                || view.balanceCents() != debitCents - creditCents || lastRunningCents != view.balanceCents()) {
            throw new IllegalStateException("ledger of " + view.accountId() + " does not add up: debits "
                    + debitCents + ", credits " + creditCents + ", balance " + view.balanceCents());
        }
    }
}
