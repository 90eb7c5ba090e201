package com.premiumledger.billing.balance;

import java.time.LocalDate;
import java.util.List;

/**
 * The {@code account_views} document: an account's bills and totals. {@code paidCents} is what went to
 * bills (payments and applied credit), {@code paymentsReceivedCents} all cash applied, {@code reversedCents}
 * what reversals took back, {@code refundedCents} credit paid out, and
 * {@code balanceCents = billedCents - paymentsReceivedCents + reversedCents + refundedCents} (negative:
 * credit), which always equals {@code openCents - creditCents}.
 */
record AccountView(
        String accountId,
        String holderName,
        String program,
        LocalDate coverageStart,
        String language,
        List<BillView> bills,
        long billedCents,
        long paidCents,
        long paymentsReceivedCents,
        long reversedCents,
        long refundedCents,
        long creditCents,
        long balanceCents,
        long openCents,
        long lastSequence) {

    AccountView {
        bills = List.copyOf(bills);
    }

    record BillView(
            String billId,
            String coverageMonth,
            LocalDate dueDate,
            long amountDueCents,
            long grossPremiumCents,
            long subsidyCents,
            long paidCents,
            long openCents,
            boolean missed,
            String issuedEventId) {

        BillView paid(long amountCents) {
            return new BillView(billId, coverageMonth, dueDate, amountDueCents, grossPremiumCents, subsidyCents,
                    paidCents + amountCents, openCents - amountCents, missed, issuedEventId);
        }

        BillView reopened(long amountCents) {
            return paid(-amountCents);
        }

        BillView markedMissed() {
            return new BillView(billId, coverageMonth, dueDate, amountDueCents, grossPremiumCents, subsidyCents,
                    paidCents, openCents, true, issuedEventId);
        }
    }
}
