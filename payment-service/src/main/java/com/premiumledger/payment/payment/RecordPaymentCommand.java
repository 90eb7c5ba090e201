package com.premiumledger.payment.payment;

import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Record cash received for an account. {@code method}, {@code channel} and {@code cardBrand} are the names of
 * {@link PaymentMethod}, {@link PaymentChannel} and {@link CardBrand}; {@code lastFour} is the card's or the
 * bank account's; {@code reference} is the check or money order number.
 */
public record RecordPaymentCommand(
        @TargetAggregateIdentifier String paymentId,
        String accountId,
        long amountCents,
        String method,
        String channel,
        LocalDate receivedDate,
        String cardBrand,
        String lastFour,
        String reference,
        String idempotencyKey,
        String recordedBy) {

    RecordPaymentCommand withPaymentId(String newPaymentId) {
        return new RecordPaymentCommand(newPaymentId, accountId, amountCents, method, channel, receivedDate, cardBrand,
                lastFour, reference, idempotencyKey, recordedBy);
    }
}
