package com.premiumledger.payment.payment;

import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Take a payment's cash back ({@code reason}: a {@link ReversalReason} name). {@code retry} as in
 * {@link AssignPaymentCommand}: a re-sent request finding its own reversal is done, any other is a conflict.
 */
public record ReversePaymentCommand(
        @TargetAggregateIdentifier String paymentId,
        String reason,
        LocalDate reversedDate,
        String reversedBy,
        boolean retry) {

    ReversePaymentCommand asRetry() {
        return new ReversePaymentCommand(paymentId, reason, reversedDate, reversedBy, true);
    }
}
