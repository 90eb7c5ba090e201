package com.premiumledger.billing.account;

import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Takes a reversed payment off the account; idempotent by {@code paymentId}. {@code businessDate} (null before
 * the first close) decides which re-opened bills are missed at once.
 */
public record ReversePaymentCommand(
        @TargetAggregateIdentifier String accountId,
        String paymentId,
        long amountCents,
        String reason,
        LocalDate reversedDate,
        LocalDate businessDate) {
}
