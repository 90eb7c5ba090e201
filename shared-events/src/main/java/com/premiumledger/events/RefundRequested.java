package com.premiumledger.events;

import java.time.LocalDate;

/**
 * A member asked for the credit on their account back. Billing decides: {@link CreditRefunded} when the
 * credit covers it, {@link RefundRejected} otherwise; a refund never pays out more than the credit.
 */
public record RefundRequested(
        String refundId,
        String paymentId,
        String accountId,
        long amountCents,
        String method,
        LocalDate requestedDate,
        String requestedBy) implements LedgerEvent {

    @Override
    public String streamKey() {
        return accountId;
    }
}
