package com.premiumledger.payment.payment;

import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Ask billing to pay part of a payment back out of the account's credit; {@code refundId} is new per request. */
public record RequestRefundCommand(
        @TargetAggregateIdentifier String paymentId,
        String refundId,
        long amountCents,
        LocalDate requestedDate,
        String requestedBy) {
}
