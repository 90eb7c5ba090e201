package com.premiumledger.billing.ledger;

import com.premiumledger.billing.support.Authors;
import com.premiumledger.billing.account.RefundOwed;
import com.premiumledger.billing.ledger.LedgerView.BillAmount;
import com.premiumledger.billing.ledger.LedgerView.LedgerLine;
import com.premiumledger.platform.command.LedgerCommands;
import com.premiumledger.events.AccountOpened;
import com.premiumledger.events.BillAllocation;
import com.premiumledger.events.BillIssued;
import com.premiumledger.events.CreditApplied;
import com.premiumledger.events.CreditRefunded;
import com.premiumledger.events.EventTypes;
import com.premiumledger.events.LedgerEvent;
import com.premiumledger.events.Money;
import com.premiumledger.events.PaymentApplied;
import com.premiumledger.events.PaymentMissed;
import com.premiumledger.events.PaymentReversalApplied;
import com.premiumledger.events.RefundRejected;
import com.premiumledger.platform.consumer.ReceivedEvent;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/** How each account event adds a ledger line. Pure; the running balance is checked against the totals. */
final class LedgerFold {

    /** What a line moves, before the running balance and the event's position are attached. */
    private record Entry(LocalDate effectiveDate, String description, String billId, String paymentId,
                         LocalDate dueDate, List<BillAmount> billAmounts, long creditAddedCents, long creditUsedCents,
                         long debitCents, long creditCents, String issuedBy) {
    }

    /** Credit is spent by rule after a bill or a reversal; the event names no author, so the rule is named. */
    static final String CREDIT_RULE = "credit";

    private LedgerFold() {
    }

    static LedgerView apply(LedgerView before, ReceivedEvent event) {
        LedgerEvent payload = event.payload();
        if (payload instanceof AccountOpened opened) {
            return new LedgerView(opened.accountId(), List.of(), 0, 0, 0, event.sequence());
        }
        LedgerLine line = line(before, event, entry(payload, event, before));
        List<LedgerLine> lines = new ArrayList<>(before.lines());
        lines.add(line);
        LedgerView after = new LedgerView(before.accountId(), lines, before.debitCents() + line.debitCents(),
                before.creditCents() + line.creditCents(), line.runningBalanceCents(), event.sequence());
        checkInvariants(after);
        return after;
    }

    private static Entry entry(LedgerEvent payload, ReceivedEvent event, LedgerView before) {
        if (payload instanceof BillIssued bill) {
            return new Entry(bill.issuedDate(), "Bill " + bill.coverageMonth() + ": premium "
                    + Money.ofCents(bill.grossPremiumCents()) + " less subsidy " + Money.ofCents(bill.subsidyCents())
                    + ", due " + bill.dueDate(), bill.billId(), null, bill.dueDate(),
                    List.of(new BillAmount(bill.billId(), bill.amountDueCents())), 0, 0, bill.amountDueCents(), 0,
                    bill.issuedBy());
        }
        if (payload instanceof PaymentApplied payment) {
            LocalDate date = payment.receivedDate() != null ? payment.receivedDate() : eventDate(event);
            return new Entry(date, "Payment " + payment.paymentId() + " received "
                    + Money.ofCents(payment.amountCents())
                    + (payment.creditCents() > 0 ? ", " + Money.ofCents(payment.creditCents()) + " to credit" : ""),
                    null, payment.paymentId(), null, amounts(payment.allocations()), payment.creditCents(), 0, 0,
                    payment.amountCents(), Authors.PAYMENT_APPLICATION);
        }
        if (payload instanceof CreditApplied credit) {
            return new Entry(causeDate(before, event), "Credit " + Money.ofCents(credit.amountCents()) + " paid bill "
                    + credit.billId(), credit.billId(), null, null,
                    List.of(new BillAmount(credit.billId(), credit.amountCents())), 0, credit.amountCents(), 0, 0,
                    CREDIT_RULE);
        }
        if (payload instanceof PaymentReversalApplied reversal) {
            return reversalEntry(reversal);
        }
        if (payload instanceof CreditRefunded refund) {
            return new Entry(refund.refundedDate() != null ? refund.refundedDate() : eventDate(event), "Refund "
                    + refund.refundId() + " paid " + Money.ofCents(refund.amountCents()) + " out of credit", null,
                    refund.paymentId(), null, List.of(), 0, refund.amountCents(), refund.amountCents(), 0,
                    Authors.PAYMENT_APPLICATION);
        }
        if (payload instanceof PaymentMissed missed) {
            return new Entry(missed.businessDate(), "Payment missed on bill " + missed.coverageMonth() + " due "
                    + missed.dueDate() + ": " + Money.ofCents(missed.openCents()) + " open", missed.billId(), null,
                    missed.dueDate(), List.of(), 0, 0, 0, 0, missed.decidedBy());
        }
        if (payload instanceof RefundRejected rejected) {
            return new Entry(eventDate(event), "Refund " + rejected.refundId() + " of "
                    + Money.ofCents(rejected.amountCents()) + " rejected: credit is "
                    + Money.ofCents(rejected.availableCreditCents()), null, rejected.paymentId(), null, List.of(), 0, 0,
                    0, 0, Authors.PAYMENT_APPLICATION);
        }
        throw new IllegalArgumentException("not an account event: " + payload.getClass().getSimpleName());
    }

    /**
     * A reversal debits what it took off the account: the re-opened bills, the removed credit and any refunded
     * credit now owed back; together the whole payment.
     */
    private static Entry reversalEntry(PaymentReversalApplied reversal) {
        long reopenedCents = reversal.reopened().stream().mapToLong(BillAllocation::amountCents).sum();
        long owedCents = reversal.reopened().stream().filter(item -> RefundOwed.isItem(item.billId()))
                .mapToLong(BillAllocation::amountCents).sum();
        long debitCents = reopenedCents + reversal.creditReversedCents();
        return new Entry(reversal.reversedDate(), "Payment " + reversal.paymentId() + " reversed ("
                + reversal.reason() + "): " + Money.ofCents(reopenedCents - owedCents) + " open again, "
                + Money.ofCents(reversal.creditReversedCents()) + " credit removed"
                + (owedCents > 0 ? ", " + Money.ofCents(owedCents) + " refunded credit owed back" : ""), null,
                reversal.paymentId(), null,
                amounts(reversal.reopened()), 0, reversal.creditReversedCents(), debitCents, 0,
                Authors.PAYMENT_APPLICATION);
    }

    private static List<BillAmount> amounts(List<BillAllocation> allocations) {
        return allocations.stream().map(paid -> new BillAmount(paid.billId(), paid.amountCents())).toList();
    }

    private static LedgerLine line(LedgerView before, ReceivedEvent event, Entry entry) {
        long runningBalanceCents = before.balanceCents() + entry.debitCents() - entry.creditCents();
        return new LedgerLine(event.sequence(), event.eventId(), EventTypes.simpleName(event.envelope().type()),
                entry.effectiveDate(), event.envelope().time(), entry.description(), entry.billId(), entry.paymentId(),
                entry.dueDate(), entry.billAmounts(), entry.creditAddedCents(), entry.creditUsedCents(),
                entry.debitCents(), entry.creditCents(), runningBalanceCents, event.topic(), event.partition(),
                event.offset(), entry.issuedBy());
    }

    /**
     * Credit is spent only in the decision that freed it or opened the bill it pays (a bill, a payment, a
     * reversal), right after that event and before any other: so it is effective on that event's business date,
     * the line before it.
     */
    private static LocalDate causeDate(LedgerView before, ReceivedEvent event) {
        return before.lines().isEmpty() ? eventDate(event)
                : before.lines().get(before.lines().size() - 1).effectiveDate();
    }

    /** Posted on the day it happened (its event time, so a replay posts it on the same day). */
    private static LocalDate eventDate(ReceivedEvent event) {
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
