package com.premiumledger.billing.balance;

import com.premiumledger.billing.balance.AccountView.BillView;
import com.premiumledger.events.AccountOpened;
import com.premiumledger.events.BillAllocation;
import com.premiumledger.events.BillIssued;
import com.premiumledger.events.CreditApplied;
import com.premiumledger.events.CreditRefunded;
import com.premiumledger.events.LedgerEvent;
import com.premiumledger.events.PaymentApplied;
import com.premiumledger.events.PaymentMissed;
import com.premiumledger.events.PaymentReversalApplied;
import com.premiumledger.events.RefundRejected;
import com.premiumledger.billing.account.RefundOwed;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * How each account event changes an account view. Pure, and checks the view's invariants after each step,
 * including every figure the account itself stated on the event (what a bill and the account owe after it).
 */
final class AccountViewFold {

    private AccountViewFold() {
    }

    /** The account's money totals besides its bills. */
    private record Totals(long billedCents, long paymentsReceivedCents, long reversedCents, long refundedCents,
                          long creditCents) {

        static Totals of(AccountView view) {
            return new Totals(view.billedCents(), view.paymentsReceivedCents(), view.reversedCents(),
                    view.refundedCents(), view.creditCents());
        }
    }

    static AccountView apply(AccountView before, LedgerEvent event, String eventId, long sequence) {
        AccountView after;
        if (event instanceof AccountOpened opened) {
            after = new AccountView(opened.accountId(), opened.holderName(), opened.program(),
                    opened.coverageStart(), opened.language(), List.of(), 0, 0, 0, 0, 0, 0, 0, 0, sequence);
        } else if (event instanceof BillIssued bill) {
            after = billed(before, bill, eventId, sequence);
        } else if (event instanceof PaymentApplied payment) {
            after = paid(before, payment, sequence);
        } else if (event instanceof CreditApplied credit) {
            after = creditApplied(before, credit, sequence);
        } else if (event instanceof PaymentReversalApplied reversal) {
            after = reversed(before, reversal, eventId, sequence);
        } else if (event instanceof CreditRefunded refund) {
            after = refunded(before, refund, sequence);
        } else if (event instanceof PaymentMissed missed) {
            after = missed(before, missed, sequence);
        } else if (event instanceof RefundRejected) {
            after = withTotals(before, before.bills(), Totals.of(before), sequence);
        } else {
            throw new IllegalArgumentException("not an account event: " + event.getClass().getSimpleName());
        }
        checkInvariants(after);
        return after;
    }

    private static AccountView billed(AccountView view, BillIssued bill, String eventId, long sequence) {
        List<BillView> bills = new ArrayList<>(view.bills());
        bills.add(new BillView(bill.billId(), bill.coverageMonth(), bill.dueDate(), bill.amountDueCents(),
                bill.grossPremiumCents(), bill.subsidyCents(), 0, bill.amountDueCents(), false, eventId));
        Totals totals = Totals.of(view);
        return withTotals(view, bills, new Totals(totals.billedCents() + bill.amountDueCents(),
                totals.paymentsReceivedCents(), totals.reversedCents(), totals.refundedCents(), totals.creditCents()),
                sequence);
    }

    private static AccountView paid(AccountView view, PaymentApplied payment, long sequence) {
        List<BillView> bills = moved(view, payment.allocations(), BillView::paid, payment.paymentId());
        Totals totals = Totals.of(view);
        AccountView after = withTotals(view, bills, new Totals(totals.billedCents(),
                totals.paymentsReceivedCents() + payment.amountCents(), totals.reversedCents(), totals.refundedCents(),
                totals.creditCents() + payment.creditCents()), sequence);
        return checkedOpen(after, payment.accountOpenAfterCents(), payment.paymentId());
    }

    private static AccountView creditApplied(AccountView view, CreditApplied credit, long sequence) {
        List<BillView> bills = moved(view, List.of(new BillAllocation(credit.billId(), credit.amountCents(),
                credit.billOpenAfterCents())), BillView::paid, "credit");
        Totals totals = Totals.of(view);
        AccountView after = withTotals(view, bills, new Totals(totals.billedCents(), totals.paymentsReceivedCents(),
                totals.reversedCents(), totals.refundedCents(), totals.creditCents() - credit.amountCents()), sequence);
        if (after.creditCents() != credit.creditAfterCents()) {
            throw disagrees(view.accountId(), "credit", after.creditCents(), credit.creditAfterCents());
        }
        return checkedOpen(after, credit.accountOpenAfterCents(), "credit");
    }

    /**
     * A refund owed back ({@link RefundOwed}) first appears as an item the payment had paid in full, so that the
     * reversal re-opens it like any bill; it is due on the reversal's date.
     */
    private static AccountView reversed(AccountView view, PaymentReversalApplied reversal, String eventId,
                                        long sequence) {
        List<BillView> withOwed = new ArrayList<>(view.bills());
        for (BillAllocation reopened : reversal.reopened()) {
            boolean known = view.bills().stream().anyMatch(bill -> bill.billId().equals(reopened.billId()));
            if (RefundOwed.isItem(reopened.billId()) && !known) {
                withOwed.add(new BillView(reopened.billId(), YearMonth.from(reversal.reversedDate()).toString(),
                        reversal.reversedDate(), reopened.amountCents(), reopened.amountCents(), 0,
                        reopened.amountCents(), 0, false, eventId));
            }
        }
        AccountView withItems = withTotals(view, withOwed, Totals.of(view), view.lastSequence());
        List<BillView> bills = moved(withItems, reversal.reopened(), BillView::reopened, reversal.paymentId());
        long takenBackCents = reversal.reopened().stream().mapToLong(BillAllocation::amountCents).sum()
                + reversal.creditReversedCents();
        Totals totals = Totals.of(view);
        AccountView after = withTotals(view, bills, new Totals(totals.billedCents(), totals.paymentsReceivedCents(),
                totals.reversedCents() + takenBackCents, totals.refundedCents(),
                totals.creditCents() - reversal.creditReversedCents()), sequence);
        return checkedOpen(after, reversal.accountOpenAfterCents(), reversal.paymentId());
    }

    private static AccountView refunded(AccountView view, CreditRefunded refund, long sequence) {
        Totals totals = Totals.of(view);
        AccountView after = withTotals(view, view.bills(), new Totals(totals.billedCents(),
                totals.paymentsReceivedCents(), totals.reversedCents(), totals.refundedCents() + refund.amountCents(),
                totals.creditCents() - refund.amountCents()), sequence);
        if (after.creditCents() != refund.creditAfterCents()) {
            throw disagrees(view.accountId(), "credit", after.creditCents(), refund.creditAfterCents());
        }
        return after;
    }

    private static AccountView missed(AccountView view, PaymentMissed missed, long sequence) {
        Map<String, BillView> bills = byId(view.bills());
        bills.computeIfPresent(missed.billId(), (id, bill) -> bill.markedMissed());
        return withTotals(view, List.copyOf(bills.values()), Totals.of(view), sequence);
    }

    /** Moves money on the named bills, checking each against what the account said it owes afterwards. */
    private static List<BillView> moved(AccountView view, List<BillAllocation> allocations,
                                        BiFunction<BillView, Long, BillView> move, String cause) {
        Map<String, BillView> bills = byId(view.bills());
        for (BillAllocation allocation : allocations) {
            BillView bill = bills.get(allocation.billId());
            if (bill == null) {
                throw new IllegalStateException(cause + " moved money on unknown bill " + allocation.billId());
            }
            BillView after = move.apply(bill, allocation.amountCents());
            if (after.openCents() != allocation.billOpenAfterCents()) {
                throw disagrees(view.accountId(), "bill " + bill.billId() + " open", after.openCents(),
                        allocation.billOpenAfterCents());
            }
            bills.put(bill.billId(), after);
        }
        return List.copyOf(bills.values());
    }

    private static AccountView checkedOpen(AccountView after, long accountOpenAfterCents, String cause) {
        if (after.openCents() != accountOpenAfterCents) {
            throw disagrees(after.accountId(), "open (after " + cause + ")", after.openCents(), accountOpenAfterCents);
        }
        return after;
    }

    private static IllegalStateException disagrees(String accountId, String figure, long viewCents, long eventCents) {
        return new IllegalStateException("account " + accountId + ": " + figure + " would be " + viewCents
                + " cents, the account says " + eventCents);
    }

    private static AccountView withTotals(AccountView view, List<BillView> bills, Totals totals, long sequence) {
        long paidCents = bills.stream().mapToLong(BillView::paidCents).sum();
        long openCents = bills.stream().mapToLong(BillView::openCents).sum();
        long balanceCents = totals.billedCents() - totals.paymentsReceivedCents() + totals.reversedCents()
                + totals.refundedCents();
        return new AccountView(view.accountId(), view.holderName(), view.program(), view.coverageStart(),
                view.language(), bills, totals.billedCents(), paidCents, totals.paymentsReceivedCents(),
                totals.reversedCents(), totals.refundedCents(), totals.creditCents(), balanceCents, openCents,
                sequence);
    }

    private static Map<String, BillView> byId(List<BillView> bills) {
        Map<String, BillView> byId = new LinkedHashMap<>();
        bills.forEach(bill -> byId.put(bill.billId(), bill));
        return byId;
    }

    /** A balance is the sum of its entries: checked after every step, and again when read. */
    static void checkInvariants(AccountView view) {
        // Billed is premium: a refund owed back is open money, but was never billed.
        long billedCents = view.bills().stream().filter(bill -> !RefundOwed.isItem(bill.billId()))
                .mapToLong(BillView::amountDueCents).sum();
        boolean billsAddUp = view.bills().stream().allMatch(bill -> bill.paidCents() + bill.openCents()
                == bill.amountDueCents() && bill.openCents() >= 0 && bill.openCents() <= bill.amountDueCents());
        if (billedCents != view.billedCents() || !billsAddUp || view.creditCents() < 0
                || view.balanceCents() != view.openCents() - view.creditCents()) {
            throw new IllegalStateException("account view " + view.accountId() + " does not add up: billed "
                    + view.billedCents() + ", open " + view.openCents() + ", credit " + view.creditCents()
                    + ", balance " + view.balanceCents());
        }
    }
}
