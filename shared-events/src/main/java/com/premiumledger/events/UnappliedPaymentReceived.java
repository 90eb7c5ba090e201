package com.premiumledger.events;

import java.time.LocalDate;

/**
 * Cash received that matches no account (e.g. a mailed check quoting an unknown account number). It sits
 * in the unapplied queue, reaching no balance, until an operator assigns it ({@link PaymentAssigned}).
 * The record key is the payment id, since there is no account yet.
 */
public record UnappliedPaymentReceived(
        String paymentId,
        String quotedAccountNumber,
        long amountCents,
        String method,
        String channel,
        LocalDate receivedDate,
        String cardBrand,
        String lastFour,
        String reference,
        String idempotencyKey,
        String recordedBy) implements LedgerEvent {

    @Override
    public String streamKey() {
        return paymentId;
    }
}
