package com.premiumledger.events;

import java.time.LocalDate;
import java.util.List;

/**
 * A reversed payment was taken off the account: exactly what it had paid is open again
 * ({@code reopened}, per bill, with what each bill owes afterwards), and the credit it had created is
 * removed ({@code creditReversedCents}). The sum of both is the payment's amount. Credit of the payment that
 * was already refunded cannot be removed: the member owes it back, listed in {@code reopened} as an item of
 * its own, {@code billId = "refund-owed:<paymentId>"}, due on {@code reversedDate}.
 */
public record PaymentReversalApplied(
        String accountId,
        String paymentId,
        long amountCents,
        String reason,
        LocalDate reversedDate,
        List<BillAllocation> reopened,
        long creditReversedCents,
        long accountOpenAfterCents) implements LedgerEvent {

    public PaymentReversalApplied {
        reopened = List.copyOf(reopened);
    }

    @Override
    public String streamKey() {
        return accountId;
    }
}
