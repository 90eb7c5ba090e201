package com.premiumledger.payment.payment;

import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Record cash received for an account. {@code method}, {@code channel} and {@code cardBrand} are the names of
 * {@link PaymentMethod}, {@link PaymentChannel} and {@link CardBrand}; {@code lastFour} is the card's or the
 * bank account's; {@code reference} is the check or money order number. {@code unapplied}: the account matched
 * none, so {@code accountId} is only the number the payer quoted and the payment goes to the unapplied queue.
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
        String recordedBy,
        boolean unapplied) {

    RecordPaymentCommand withPaymentId(String newPaymentId) {
        return new RecordPaymentCommand(newPaymentId, accountId, amountCents, method, channel, receivedDate, cardBrand,
                lastFour, reference, idempotencyKey, recordedBy, unapplied);
    }

    RecordPaymentCommand asUnapplied() {
        return new RecordPaymentCommand(paymentId, accountId, amountCents, method, channel, receivedDate, cardBrand,
                lastFour, reference, idempotencyKey, recordedBy, true);
    }
}
