package com.premiumledger.billing.account;

import com.premiumledger.events.BillAllocation;
import com.premiumledger.events.BillIssued;
import com.premiumledger.events.CreditApplied;
import com.premiumledger.events.CreditRefunded;
import com.premiumledger.events.LedgerEvent;
import com.premiumledger.events.PaymentApplied;
import com.premiumledger.events.PaymentMissed;
import com.premiumledger.events.PaymentReversalApplied;
import com.premiumledger.events.RefundRejected;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * What an account decides, as pure functions of its {@link AccountBook}: each returns the events to apply,
 * in order, and never changes the book it is given (it folds a copy to see each event's effect). After any
 * decision that leaves credit while bills are open, the credit pays them (oldest first) as explicit
 * {@link CreditApplied} events, so every figure traces to an event.
 */
final class AccountDecisions {

    static final String REFUND_REJECTED_REASON = "insufficient-credit";
    static final String DECIDED_BY_REVERSAL = "reversal";

    private AccountDecisions() {
    }

    static List<LedgerEvent> issueBill(AccountBook book, BillIssued issued) {
        Folding folding = new Folding(book);
        folding.add(issued);
        folding.settleCredit();
        return folding.events;
    }

    /** Empty when the payment was already applied (a redelivery). */
    static List<LedgerEvent> applyPayment(AccountBook book, String paymentId, long amountCents,
                                          LocalDate receivedDate) {
        if (book.hasApplied(paymentId)) {
            return List.of();
        }
        PaymentAllocation.Result allocation = PaymentAllocation.allocate(openBills(book), amountCents);
        Folding folding = new Folding(book);
        folding.add(new PaymentApplied(book.accountId(), paymentId, amountCents, receivedDate,
                allocation.allocations(), allocation.creditCents(), allocation.accountOpenAfterCents()));
        folding.settleCredit();
        return folding.events;
    }

    /**
     * Takes a payment off the account: what it paid is open again (bill by bill, including what its credit
     * paid later) and the credit it still holds is removed; if the account had credit of its own it pays the
     * re-opened bills, and a re-opened bill already past due is missed now. Credit of the payment that was
     * already refunded cannot be removed: the member owes it back, as a {@link RefundOwed} item due on the
     * reversal's date, so the reversal always takes back the whole payment. Empty when the account never
     * applied the payment or already reversed it.
     */
    static List<LedgerEvent> reversePayment(AccountBook book, String paymentId, long amountCents, String reason,
                                            LocalDate reversedDate, LocalDate businessDate) {
        if (!book.hasApplied(paymentId) || book.hasReversed(paymentId)) {
            return List.of();
        }
        Folding folding = new Folding(book);
        folding.add(reversal(book, paymentId, amountCents, reason, reversedDate));
        folding.settleCredit();
        if (businessDate != null) {
            folding.events.addAll(missedBills(folding.book, businessDate, DECIDED_BY_REVERSAL));
        }
        return folding.events;
    }

    private static PaymentReversalApplied reversal(AccountBook book, String paymentId, long amountCents, String reason,
                                                   LocalDate reversedDate) {
        List<BillAllocation> reopened = new ArrayList<>();
        long reopenedCents = 0;
        for (Map.Entry<String, Long> paid : book.paidBy(paymentId).entrySet()) {
            BillState bill = book.openItem(paid.getKey());
            reopened.add(new BillAllocation(bill.billId(), paid.getValue(), bill.openCents() + paid.getValue()));
            reopenedCents += paid.getValue();
        }
        // Normally the payment's own lot; if that was refunded, other credit stands in (never below zero).
        long creditReversedCents = Math.min(Math.max(0, amountCents - reopenedCents), book.creditCents());
        // What neither bills nor credit give back went out as a refund: the member owes it again.
        long refundOwedCents = Math.max(0, amountCents - reopenedCents - creditReversedCents);
        if (refundOwedCents > 0) {
            reopened.add(new BillAllocation(RefundOwed.itemId(paymentId), refundOwedCents, refundOwedCents));
            reopenedCents += refundOwedCents;
        }
        return new PaymentReversalApplied(book.accountId(), paymentId, amountCents, reason, reversedDate, reopened,
                creditReversedCents, book.openCents() + reopenedCents);
    }

    /** Empty when this refund was already decided. */
    static List<LedgerEvent> decideRefund(AccountBook book, String refundId, String paymentId, long amountCents,
                                          String method, LocalDate refundedDate) {
        if (book.hasDecidedRefund(refundId)) {
            return List.of();
        }
        if (amountCents > 0 && book.creditCents() >= amountCents) {
            return List.of(new CreditRefunded(book.accountId(), refundId, paymentId, amountCents, method, refundedDate,
                    book.creditCents() - amountCents));
        }
        return List.of(new RefundRejected(book.accountId(), refundId, paymentId, amountCents, book.creditCents(),
                REFUND_REJECTED_REASON));
    }

    /** Every bill due before {@code businessDate} with money open and not yet missed, oldest first. */
    static List<LedgerEvent> missedBills(AccountBook book, LocalDate businessDate, String decidedBy) {
        return book.bills().values().stream()
                .filter(bill -> bill.dueDate().isBefore(businessDate))
                .filter(bill -> bill.openCents() > 0 && !bill.missed())
                .sorted(Comparator.comparing(BillState::dueDate).thenComparing(BillState::coverageMonth))
                .<LedgerEvent>map(bill -> missed(book.accountId(), bill, businessDate, decidedBy))
                .toList();
    }

    static PaymentMissed missed(String accountId, BillState bill, LocalDate businessDate, String decidedBy) {
        return new PaymentMissed(accountId, bill.billId(), bill.coverageMonth(), bill.dueDate(), bill.openCents(),
                businessDate, decidedBy);
    }

    /** Credit the account holds pays its open bills, oldest first, one CreditApplied per bill. */
    static List<CreditApplied> creditPayments(AccountBook book) {
        long spendableCents = Math.min(book.creditCents(), book.openCents());
        if (spendableCents <= 0) {
            return List.of();
        }
        PaymentAllocation.Result allocation = PaymentAllocation.allocate(openBills(book), spendableCents);
        List<CreditApplied> credits = new ArrayList<>();
        long creditCents = book.creditCents();
        long accountOpenCents = book.openCents();
        for (BillAllocation paid : allocation.allocations()) {
            creditCents -= paid.amountCents();
            accountOpenCents -= paid.amountCents();
            credits.add(new CreditApplied(book.accountId(), paid.billId(), paid.amountCents(),
                    paid.billOpenAfterCents(), creditCents, accountOpenCents));
        }
        return credits;
    }

    /** Bills and refunds owed back: a payment or credit pays them all, oldest first. */
    private static List<PaymentAllocation.OpenBill> openBills(AccountBook book) {
        List<PaymentAllocation.OpenBill> open = new ArrayList<>();
        book.bills().values().forEach(bill -> open.add(bill.asOpenBill()));
        book.refundsOwed().values().forEach(owed -> open.add(owed.asOpenBill()));
        return open;
    }

    /** Events decided so far, folded into a copy of the book so that the next decision sees their effect. */
    private static final class Folding {

        private final AccountBook book;
        private final List<LedgerEvent> events = new ArrayList<>();

        Folding(AccountBook original) {
            this.book = original.copy();
        }

        void add(LedgerEvent event) {
            book.evolve(event);
            events.add(event);
        }

        void settleCredit() {
            creditPayments(book).forEach(this::add);
        }
    }
}
