package com.premiumledger.events;

/** Billing refused a refund: the account's credit ({@code availableCreditCents}) does not cover it. */
public record RefundRejected(
        String accountId,
        String refundId,
        String paymentId,
        long amountCents,
        long availableCreditCents,
        String reason) implements LedgerEvent {

    @Override
    public String streamKey() {
        return accountId;
    }
}
