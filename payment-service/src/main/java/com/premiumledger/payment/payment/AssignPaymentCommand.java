package com.premiumledger.payment.payment;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Give an unapplied payment its account. {@code retry} is true only when the same request is re-sent after a
 * crash, so that finding the payment already assigned exactly so counts as done, not as a conflict.
 */
public record AssignPaymentCommand(
        @TargetAggregateIdentifier String paymentId,
        String accountId,
        String note,
        String assignedBy,
        boolean retry) {

    AssignPaymentCommand asRetry() {
        return new AssignPaymentCommand(paymentId, accountId, note, assignedBy, true);
    }
}
