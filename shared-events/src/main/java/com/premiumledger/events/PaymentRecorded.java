package com.premiumledger.events;

import java.time.LocalDate;

/**
 * Cash received for an account. Only safe card data is ever carried: brand and last four digits.
 * {@code method}: CARD, ACH, CHECK, MONEY_ORDER. {@code channel}: ONLINE, MAIL, PHONE, AUTOPAY.
 * {@code reference}: check or money order number, or null.
 */
public record PaymentRecorded(
        String paymentId,
        String accountId,
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
        return accountId;
    }
}
