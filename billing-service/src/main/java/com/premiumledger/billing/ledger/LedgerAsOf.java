package com.premiumledger.billing.ledger;

import com.premiumledger.billing.account.RefundOwed;
import com.premiumledger.billing.ledger.LedgerView.BillAmount;
import com.premiumledger.billing.ledger.LedgerView.LedgerLine;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An account as it stood at the end of a past day, rebuilt from the ledger lines effective on or before it.
 * Pure. Money a payment put on a bill not yet issued by then counts as credit (it was a prepayment that day).
 * The balance is the sum of those lines, and is checked to equal what is open less credit.
 */
final class LedgerAsOf {

    /** Open amounts by days past due as of the date: not yet due, 1-30, 31-60, 61-90 and more than 90. */
    record Aging(long currentCents, long days1To30Cents, long days31To60Cents, long days61To90Cents,
                 long days90PlusCents) {
    }

    record Balance(String accountId, LocalDate asOf, long balanceCents, long openCents, long pastDueCents,
                   long creditCents, Aging aging, int linesCounted) {
    }

    private record OpenBill(LocalDate dueDate, long openCents) {

        OpenBill moved(long amountCents) {
            return new OpenBill(dueDate, openCents + amountCents);
        }
    }

    private LedgerAsOf() {
    }

    static Balance balance(LedgerView view, LocalDate asOf) {
        Map<String, OpenBill> bills = new LinkedHashMap<>();
        long creditCents = 0;
        long balanceCents = 0;
        int counted = 0;
        for (LedgerLine line : view.lines()) {
            if (line.effectiveDate().isAfter(asOf)) {
                continue;
            }
            counted++;
            balanceCents += line.debitCents() - line.creditCents();
            creditCents += apply(bills, line);
        }
        long openCents = bills.values().stream().mapToLong(OpenBill::openCents).sum();
        if (balanceCents != openCents - creditCents) {
            throw new IllegalStateException("ledger of " + view.accountId() + " as of " + asOf + " does not add up:"
                    + " balance " + balanceCents + ", open " + openCents + ", credit " + creditCents);
        }
        long pastDueCents = bills.values().stream().filter(bill -> bill.dueDate().isBefore(asOf))
                .mapToLong(OpenBill::openCents).sum();
        return new Balance(view.accountId(), asOf, balanceCents, openCents, pastDueCents, creditCents,
                aging(bills, asOf), counted);
    }

    /** Moves the line's money on the bills; returns its change to credit. */
    private static long apply(Map<String, OpenBill> bills, LedgerLine line) {
        long creditChangeCents = line.creditAddedCents() - line.creditUsedCents();
        for (BillAmount amount : line.billAmounts()) {
            OpenBill bill = bills.get(amount.billId());
            switch (line.eventType()) {
                case "BillIssued" -> bills.put(amount.billId(), new OpenBill(line.dueDate(), amount.amountCents()));
                case "PaymentApplied", "CreditApplied" -> {
                    if (bill != null) {
                        bills.put(amount.billId(), bill.moved(-amount.amountCents()));
                    } else {
                        // Paid toward a bill not yet issued by then: that money was still credit that day.
                        creditChangeCents += amount.amountCents();
                    }
                }
                case "PaymentReversalApplied" -> {
                    if (bill != null) {
                        bills.put(amount.billId(), bill.moved(amount.amountCents()));
                    } else if (RefundOwed.isItem(amount.billId())) {
                        // Refunded credit owed back: open from the reversal's date, due that day.
                        bills.put(amount.billId(), new OpenBill(line.effectiveDate(), amount.amountCents()));
                    } else {
                        creditChangeCents -= amount.amountCents();
                    }
                }
                default -> throw new IllegalStateException("line " + line.eventId() + " of type " + line.eventType()
                        + " names bill amounts");
            }
        }
        return creditChangeCents;
    }

    private static Aging aging(Map<String, OpenBill> bills, LocalDate asOf) {
        long[] buckets = new long[5];
        for (OpenBill bill : bills.values()) {
            if (bill.openCents() == 0) {
                continue;
            }
            long daysPastDue = ChronoUnit.DAYS.between(bill.dueDate(), asOf);
            buckets[bucket(daysPastDue)] += bill.openCents();
        }
        return new Aging(buckets[0], buckets[1], buckets[2], buckets[3], buckets[4]);
    }

    /** Standard receivables aging: 30-day buckets, the last open-ended. */
    private static int bucket(long daysPastDue) {
        if (daysPastDue <= 0) {
            return 0;
        }
        return daysPastDue <= 90 ? (int) ((daysPastDue - 1) / 30) + 1 : 4;
    }
}
