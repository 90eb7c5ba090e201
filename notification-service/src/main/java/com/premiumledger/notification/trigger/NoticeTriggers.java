package com.premiumledger.notification.trigger;

import com.premiumledger.events.AutopayEnrolled;
import com.premiumledger.events.AutopayFailed;
import com.premiumledger.events.BillIssued;
import com.premiumledger.events.CoverageStatusChanged;
import com.premiumledger.events.PaymentReversed;
import com.premiumledger.notification.account.AccountState;
import com.premiumledger.notification.notice.IssueNoticeCommand;
import com.premiumledger.notification.notice.NoticeChannel;
import com.premiumledger.notification.notice.NoticeIds;
import com.premiumledger.notification.notice.NoticeType;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Which notice each trigger event asks for: pure functions of the event, the account's notice state and the
 * business date, so the amounts and dates are easy to check.
 */
final class NoticeTriggers {

    static final String ACTIVE = "ACTIVE";
    static final String GRACE = "GRACE";
    static final String SUSPENDED = "SUSPENDED";
    static final String TERMINATED = "TERMINATED";

    private NoticeTriggers() {
    }

    static NoticeDecision billReady(BillIssued bill, String eventId, NoticeChannel channel) {
        Map<String, String> facts = facts("billId", bill.billId(), "coverageMonth", bill.coverageMonth(),
                "dueDate", bill.dueDate());
        return new NoticeDecision(new IssueNoticeCommand(NoticeIds.billReady(bill.billId()), bill.accountId(),
                NoticeType.BILL_READY, channel, bill.amountDueCents(), bill.dueDate(), eventId), facts);
    }

    /** Keyed by payment id: the same payment reported again under a new event id is still one notice. */
    static NoticeDecision paymentReceived(String paymentId, String accountId, long amountCents, LocalDate receivedDate,
                                          String method, String eventId, NoticeChannel channel) {
        return new NoticeDecision(new IssueNoticeCommand(NoticeIds.paymentReceived(paymentId), accountId,
                NoticeType.PAYMENT_RECEIVED, channel, amountCents, null, eventId),
                facts("paymentId", paymentId, "receivedDate", receivedDate, "method", method));
    }

    /** The whole payment is owed again; the member gets {@code payWithinDays} from the day it was returned. */
    static NoticeDecision paymentReturned(PaymentReversed reversed, String eventId, NoticeChannel channel,
                                          int payWithinDays) {
        return new NoticeDecision(new IssueNoticeCommand(NoticeIds.paymentReturned(reversed.paymentId()),
                reversed.accountId(), NoticeType.PAYMENT_RETURNED, channel, reversed.amountCents(),
                reversed.reversedDate().plusDays(payWithinDays), eventId),
                facts("paymentId", reversed.paymentId(), "reversedDate", reversed.reversedDate(),
                        "reason", reversed.reason(), "method", reversed.method()));
    }

    static NoticeDecision autopayEnrolled(AutopayEnrolled enrolled, String eventId, NoticeChannel channel,
                                          AccountState state) {
        String occasion = enrolled.businessDate() != null ? enrolled.businessDate().toString() : eventId;
        Map<String, String> facts = facts("method", enrolled.method(), "lastFour", enrolled.lastFour());
        owed(state, facts);
        return new NoticeDecision(new IssueNoticeCommand(NoticeIds.autopayEnrolled(enrolled.accountId(), occasion),
                enrolled.accountId(), NoticeType.AUTOPAY_ENROLLED, channel, state.openCents(), null, eventId), facts);
    }

    /**
     * The bill must be paid another way: by its due date when that is still ahead, else within
     * {@code payWithinDays} of the business date.
     */
    static NoticeDecision autopayFailed(AutopayFailed failed, String eventId, NoticeChannel channel,
                                        AccountState state, Optional<LocalDate> lastClosed, int payWithinDays) {
        Optional<AccountState.BillFact> bill = state.bill(failed.billId());
        LocalDate today = lastClosed.orElse(null);
        LocalDate dueDate = bill.map(AccountState.BillFact::dueDate).orElse(null);
        LocalDate payBy = dueDate != null && (today == null || today.isBefore(dueDate)) ? dueDate
                : (today != null ? today : dueDate != null ? dueDate : LocalDate.EPOCH).plusDays(payWithinDays);
        return new NoticeDecision(new IssueNoticeCommand(NoticeIds.autopayFailed(failed.billId()), failed.accountId(),
                NoticeType.AUTOPAY_FAILED, channel, failed.amountCents(), payBy, eventId),
                facts("billId", failed.billId(), "reason", failed.reason(), "dueDate", dueDate,
                        "coverageMonth", bill.map(AccountState.BillFact::coverageMonth).orElse(null)));
    }

    /**
     * The notice a coverage change asks for, if any: grace starting (past-due warning), suspension,
     * termination, or a return to ACTIVE from grace (reinstatement). Amounts are what was past due when the
     * change took effect; for a termination, when the grace period ran out.
     */
    static Optional<NoticeDecision> coverageChanged(CoverageStatusChanged change, String eventId,
                                                    NoticeChannel channel, AccountState state) {
        String to = change.toStatus();
        String from = change.fromStatus();
        LocalDate graceStart = change.graceStart() != null ? change.graceStart() : change.effectiveDate();
        Map<String, String> facts = facts("effectiveDate", change.effectiveDate(), "graceStart", change.graceStart(),
                "graceEnd", change.graceEnd(), "terminationEffectiveDate", change.terminationEffectiveDate(),
                "program", change.program());
        long pastDueCents = state.pastDueCents(change.effectiveDate());
        LocalDate payBy = change.graceEnd() != null ? change.graceEnd() : change.effectiveDate();
        if (GRACE.equals(to) && !GRACE.equals(from) && !SUSPENDED.equals(from)) {
            return Optional.of(decision(NoticeIds.pastDueWarning(change.accountId(), graceStart), change,
                    NoticeType.PAST_DUE_WARNING, channel, pastDueCents, payBy, eventId, facts));
        }
        if (SUSPENDED.equals(to) && !SUSPENDED.equals(from)) {
            return Optional.of(decision(NoticeIds.suspension(change.accountId(), graceStart), change,
                    NoticeType.SUSPENSION, channel, pastDueCents, payBy, eventId, facts));
        }
        if (TERMINATED.equals(to) && !TERMINATED.equals(from)) {
            LocalDate ended = change.terminationEffectiveDate() != null ? change.terminationEffectiveDate()
                    : change.effectiveDate();
            // coverage-service dates a termination by the day coverage ended, usually long before the grace ran
            // out; the notice states what was past due when it ran out (every bill due up to the grace end).
            LocalDate graceRanOut = change.graceEnd() != null ? change.graceEnd().plusDays(1) : change.effectiveDate();
            owed(state, facts);
            return Optional.of(decision(NoticeIds.termination(change.accountId(), ended), change,
                    NoticeType.TERMINATION, channel, state.pastDueCents(graceRanOut), null, eventId, facts));
        }
        if (ACTIVE.equals(to) && (GRACE.equals(from) || SUSPENDED.equals(from))) {
            owed(state, facts);
            return Optional.of(decision(NoticeIds.reinstatement(change.accountId(), change.effectiveDate()), change,
                    NoticeType.REINSTATEMENT, channel, state.openCents(), null, eventId, facts));
        }
        return Optional.empty();
    }

    private static NoticeDecision decision(String noticeId, CoverageStatusChanged change, NoticeType type,
                                           NoticeChannel channel, long amountCents, LocalDate payBy, String eventId,
                                           Map<String, String> facts) {
        return new NoticeDecision(new IssueNoticeCommand(noticeId, change.accountId(), type, channel, amountCents,
                payBy, eventId), facts);
    }

    /** What the account still owes and the earliest date it is due, for notices that ask for nothing themselves. */
    static void owed(AccountState state, Map<String, String> facts) {
        facts.put("owedCents", Long.toString(state.openCents()));
        state.earliestOpenDueDate().ifPresent(date -> facts.put("owedByDate", date.toString()));
    }

    /** Pairs of name and value; null values are left out. */
    static Map<String, String> facts(Object... namesAndValues) {
        Map<String, String> facts = new LinkedHashMap<>();
        for (int i = 0; i + 1 < namesAndValues.length; i += 2) {
            if (namesAndValues[i + 1] != null) {
                facts.put(namesAndValues[i].toString(), namesAndValues[i + 1].toString());
            }
        }
        return facts;
    }
}
