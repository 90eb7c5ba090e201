package com.premiumledger.billing.account;

import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Applies a recorded payment to the account's open bills; idempotent by {@code paymentId}. */
public record ApplyPaymentCommand(
        @TargetAggregateIdentifier String accountId,
        String paymentId,
        long amountCents,
        LocalDate receivedDate) {
}
