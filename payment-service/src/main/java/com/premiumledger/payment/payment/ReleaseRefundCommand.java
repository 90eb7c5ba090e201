package com.premiumledger.payment.payment;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Billing rejected refund {@code refundId} of this payment ({@code reason}): it no longer counts against what may
 * still be refunded of the payment. Idempotent: a release already recorded, or of a refund the payment never had,
 * changes nothing.
 */
public record ReleaseRefundCommand(
        @TargetAggregateIdentifier String paymentId,
        String refundId,
        String reason,
        String releasedBy) {
}
