package com.premiumledger.billing.balance;

import com.premiumledger.billing.balance.AccountView.BillView;
import com.premiumledger.events.AccountOpened;
import com.premiumledger.events.BillAllocation;
import com.premiumledger.events.BillIssued;
import com.premiumledger.events.LedgerEvent;
import com.premiumledger.events.PaymentApplied;
import com.premiumledger.events.PaymentMissed;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** How each account event changes an account view. Pure, and checks the view's invariants after each step. */
final class AccountViewFold {

    private AccountViewFold() {
    }

    static AccountView apply(AccountView before, LedgerEvent event, String eventId, long sequence) {
        AccountView after;
        if (event instanceof AccountOpened opened) {
            after = new AccountView(opened.accountId(), opened.holderName(), opened.program(),
                    opened.coverageStart(), opened.language(), List.of(), 0, 0, 0, 0, 0, 0, sequence);
        } else if (event instanceof BillIssued bill) {
            after = billed(before, bill, eventId, sequence);
        } else if (event instanceof PaymentApplied payment) {
            after = paid(before, payment, sequence);
        } else if (event instanceof PaymentMissed missed) {
            after = missed(before, missed, sequence);
        } else {
            throw new IllegalArgumentException("not an account event: " + event.getClass().getSimpleName());
        }
        checkInvariants(after);
        return after;
    }

    /** Credit from earlier overpayments pays the new bill first, as the account aggregate does. */
    private static AccountView billed(AccountView view, BillIssued bill, String eventId, long sequence) {
        long absorbedCents = Math.min(view.creditCents(), bill.amountDueCents());
        List<BillView> bills = new ArrayList<>(view.bills());
        bills.add(new BillView(bill.billId(), bill.coverageMonth(), bill.dueDate(), bill.amountDueCents(),
                bill.grossPremiumCents(), bill.subsidyCents(), absorbedCents, bill.amountDueCents() - absorbedCents,
                false, eventId));
        return totals(view, bills, view.billedCents() + bill.amountDueCents(), view.paymentsReceivedCents(),
                view.creditCents() - absorbedCents, sequence);
    }

    private static AccountView paid(AccountView view, PaymentApplied payment, long sequence) {
        Map<String, BillView> bills = byId(view.bills());
        for (BillAllocation allocation : payment.allocations()) {
            BillView bill = bills.get(allocation.billId());
            if (bill == null) {
                throw new IllegalStateException("payment " + payment.paymentId() + " went to unknown bill "
                        + allocation.billId());
            }
            BillView after = bill.paid(allocation.amountCents());
            if (after.openCents() != allocation.billOpenAfterCents()) {
                throw new IllegalStateException("bill " + bill.billId() + " would be open " + after.openCents()
                        + " cents, the account says " + allocation.billOpenAfterCents());
            }
            bills.put(bill.billId(), after);
        }
        AccountView after = totals(view, List.copyOf(bills.values()), view.billedCents(),
                view.paymentsReceivedCents() + payment.amountCents(), view.creditCents() + payment.creditCents(),
                sequence);
        if (after.openCents() != payment.accountOpenAfterCents()) {
            throw new IllegalStateException("account " + view.accountId() + " would be open " + after.openCents()
                    + " cents, the account says " + payment.accountOpenAfterCents());
        }
        return after;
    }

    private static AccountView missed(AccountView view, PaymentMissed missed, long sequence) {
        Map<String, BillView> bills = byId(view.bills());
        bills.computeIfPresent(missed.billId(), (id, bill) -> bill.markedMissed());
        return totals(view, List.copyOf(bills.values()), view.billedCents(), view.paymentsReceivedCents(),
                view.creditCents(), sequence);
    }

    private static AccountView totals(AccountView view, List<BillView> bills, long billedCents,
                                      long paymentsReceivedCents, long creditCents, long sequence) {
        long paidCents = bills.stream().mapToLong(BillView::paidCents).sum();
        long openCents = bills.stream().mapToLong(BillView::openCents).sum();
        return new AccountView(view.accountId(), view.holderName(), view.program(), view.coverageStart(),
                view.language(), bills, billedCents, paidCents, paymentsReceivedCents, creditCents,
                billedCents - paymentsReceivedCents, openCents, sequence);
    }

    private static Map<String, BillView> byId(List<BillView> bills) {
        Map<String, BillView> byId = new LinkedHashMap<>();
        bills.forEach(bill -> byId.put(bill.billId(), bill));
        return byId;
    }

    /** A balance is the sum of its entries: checked after every step, and again when read. */
    static void checkInvariants(AccountView view) {
        long billedCents = view.bills().stream().mapToLong(BillView::amountDueCents).sum();
        boolean billsAddUp = view.bills().stream()
                .allMatch(bill -> bill.paidCents() + bill.openCents() == bill.amountDueCents() && bill.openCents() >= 0);
        if (billedCents != view.billedCents() || !billsAddUp || view.creditCents() < 0
                || view.balanceCents() != view.openCents() - view.creditCents()) {
            throw new IllegalStateException("account view " + view.accountId() + " does not add up: billed "
                    + view.billedCents() + ", open " + view.openCents() + ", credit " + view.creditCents()
                    + ", balance " + view.balanceCents());
        }
    }
}
