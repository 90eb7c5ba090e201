package com.premiumledger.billing.account;

import com.premiumledger.billing.TestEvents;
import com.premiumledger.events.AccountOpened;
import com.premiumledger.events.BillIssued;
import com.premiumledger.events.LedgerEvent;
import com.premiumledger.events.PaymentAssigned;
import com.premiumledger.events.PaymentRecorded;
import com.premiumledger.events.PaymentReversed;
import com.premiumledger.events.RefundRequested;
import com.premiumledger.events.UnappliedPaymentReceived;
import com.premiumledger.platform.consumer.ReceivedEvent;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

/**
 * Drives an account through a sequence of steps with the pure decisions, the way the aggregate does, and
 * records every event both sides publish: the account's stream (billing) and the payments' events. For
 * property tests in every package.
 */
public final class LedgerScenario {

    /** One thing that happens to the account. */
    public sealed interface Step permits Bill, Pay, Assign, Reverse, Refund, CloseDay {
    }

    /** Bills the next coverage month. */
    public record Bill(long grossPremiumCents, long subsidyPercent) implements Step {
    }

    public record Pay(long amountCents) implements Step {
    }

    /** A payment that first arrived unapplied, then was assigned to the account. */
    public record Assign(long amountCents) implements Step {
    }

    /** Reverses the payment made {@code paymentIndex} (modulo the payments so far) steps into the story. */
    public record Reverse(int paymentIndex) implements Step {
    }

    public record Refund(long amountCents) implements Step {
    }

    /** The business date moves on by {@code days}; bills due before it with money open are missed. */
    public record CloseDay(int days) implements Step {
    }

    public static final String ACCOUNT_ID = "PROP-1";
    private static final YearMonth FIRST_MONTH = YearMonth.of(2027, 1);

    private final AccountBook book = new AccountBook();
    private final List<LedgerEvent> accountEvents = new ArrayList<>();
    private final List<LedgerEvent> paymentEvents = new ArrayList<>();
    private final List<String> paymentIds = new ArrayList<>();
    private final List<Long> paymentAmounts = new ArrayList<>();
    private LocalDate businessDate = LocalDate.of(2026, 12, 1);
    private int bills;
    private int refunds;

    private LedgerScenario() {
    }

    public static LedgerScenario run(List<Step> steps) {
        LedgerScenario scenario = new LedgerScenario();
        scenario.account(List.of(new AccountOpened(ACCOUNT_ID, "Prop Erty", "APTC", FIRST_MONTH.atDay(1), "en", null,
                "service")));
        steps.forEach(scenario::step);
        return scenario;
    }

    private void step(Step step) {
        if (step instanceof Bill bill) {
            bill(bill);
        } else if (step instanceof Pay pay) {
            pay(pay.amountCents(), false);
        } else if (step instanceof Assign assign) {
            pay(assign.amountCents(), true);
        } else if (step instanceof Reverse reverse) {
            reverse(reverse.paymentIndex());
        } else if (step instanceof Refund refund) {
            refund(refund.amountCents());
        } else if (step instanceof CloseDay close) {
            businessDate = businessDate.plusDays(close.days());
            account(AccountDecisions.missedBills(book, businessDate, "calendar"));
        }
    }

    private void bill(Bill bill) {
        YearMonth month = FIRST_MONTH.plusMonths(bills++);
        long subsidyCents = bill.grossPremiumCents() * bill.subsidyPercent() / 100;
        account(AccountDecisions.issueBill(book, new BillIssued(ACCOUNT_ID, DueDates.billId(ACCOUNT_ID, month),
                month.toString(), DueDates.defaultFor(month, 23), bill.grossPremiumCents(), subsidyCents,
                bill.grossPremiumCents() - subsidyCents, businessDate, "service")));
    }

    private void pay(long amountCents, boolean unappliedFirst) {
        String paymentId = "P" + paymentIds.size();
        paymentIds.add(paymentId);
        paymentAmounts.add(amountCents);
        if (unappliedFirst) {
            paymentEvents.add(new UnappliedPaymentReceived(paymentId, "A?", amountCents, "CHECK", "MAIL", businessDate,
                    null, null, "1", "k-" + paymentId, "service"));
            paymentEvents.add(new PaymentAssigned(paymentId, ACCOUNT_ID, amountCents, "CHECK", "MAIL", businessDate,
                    "operator", null));
        } else {
            paymentEvents.add(new PaymentRecorded(paymentId, ACCOUNT_ID, amountCents, "CHECK", "MAIL", businessDate,
                    null, null, "1", "k-" + paymentId, "service"));
        }
        account(AccountDecisions.applyPayment(book, paymentId, amountCents, businessDate));
    }

    private void reverse(int paymentIndex) {
        if (paymentIds.isEmpty()) {
            return;
        }
        int index = Math.floorMod(paymentIndex, paymentIds.size());
        String paymentId = paymentIds.get(index);
        long amountCents = paymentAmounts.get(index);
        if (book.hasReversed(paymentId)) {
            return; // The bank returns a payment once; a second PaymentReversed would be a payment-side bug.
        }
        paymentEvents.add(new PaymentReversed(paymentId, ACCOUNT_ID, amountCents, "CHECK", "RETURNED_CHECK",
                businessDate, "payment-service"));
        account(AccountDecisions.reversePayment(book, paymentId, amountCents, "RETURNED_CHECK", businessDate,
                businessDate));
    }

    private void refund(long amountCents) {
        String refundId = "R" + refunds++;
        String paymentId = paymentIds.isEmpty() ? null : paymentIds.get(paymentIds.size() - 1);
        paymentEvents.add(new RefundRequested(refundId, paymentId, ACCOUNT_ID, amountCents, "CHECK", businessDate,
                "service"));
        account(AccountDecisions.decideRefund(book, refundId, paymentId, amountCents, "CHECK", businessDate));
    }

    private void account(List<LedgerEvent> events) {
        for (LedgerEvent event : events) {
            book.evolve(event);
            accountEvents.add(event);
            checkBills();
        }
    }

    private void checkBills() {
        List<BillState> items = new ArrayList<>(book.bills().values());
        items.addAll(book.refundsOwed().values());
        for (BillState bill : items) {
            if (bill.openCents() < 0 || bill.openCents() > bill.amountDueCents()) {
                throw new AssertionError("bill " + bill.billId() + " is open " + bill.openCents() + " of "
                        + bill.amountDueCents());
            }
        }
        if (book.creditCents() < 0) {
            throw new AssertionError("credit went below zero: " + book.creditCents());
        }
    }

    /** The account's events, in stream order (sequence = index). */
    public List<LedgerEvent> accountEvents() {
        return List.copyOf(accountEvents);
    }

    /** The account's events as a consumer receives them, sequence = index. */
    public List<ReceivedEvent> receivedAccountEvents() {
        List<ReceivedEvent> received = new ArrayList<>();
        for (int i = 0; i < accountEvents.size(); i++) {
            received.add(TestEvents.received(ACCOUNT_ID, i, accountEvents.get(i)));
        }
        return received;
    }

    public List<LedgerEvent> paymentEvents() {
        return List.copyOf(paymentEvents);
    }

    public long openCents() {
        return book.openCents();
    }

    public long creditCents() {
        return book.creditCents();
    }
}
