package com.premiumledger.events;

/**
 * Billing rejected a refund ({@link RefundRejected}), so nothing was paid out: the payment no longer counts it
 * against what may still be refunded of it, and the same credit may be asked for again. {@code reason} is
 * billing's reason for the rejection.
 */
public record RefundReleased(
        String refundId,
        String paymentId,
        String accountId,
        long amountCents,
        String reason,
        String releasedBy) implements LedgerEvent {

    @Override
    public String streamKey() {
        return accountId;
    }
}
