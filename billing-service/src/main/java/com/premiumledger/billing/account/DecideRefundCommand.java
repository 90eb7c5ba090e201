package com.premiumledger.billing.account;

import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Pays a refund out of the account's credit, or rejects it when the credit does not cover it; idempotent by
 * {@code refundId}.
 */
public record DecideRefundCommand(
        @TargetAggregateIdentifier String accountId,
        String refundId,
        String paymentId,
        long amountCents,
        String method,
        LocalDate requestedDate) {
}
