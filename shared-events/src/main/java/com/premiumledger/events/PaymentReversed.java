package com.premiumledger.events;

import java.time.LocalDate;

/**
 * Cash taken back: a returned check, an ACH return for insufficient funds, or a card chargeback.
 * {@code reason}: NSF, RETURNED_CHECK, CHARGEBACK. {@code accountId} is null when the payment was never
 * applied to an account (still unapplied); then the record key is the payment id.
 */
public record PaymentReversed(
        String paymentId,
        String accountId,
        long amountCents,
        String method,
        String reason,
        LocalDate reversedDate,
        String reversedBy) implements LedgerEvent {

    @Override
    public String streamKey() {
        return accountId != null ? accountId : paymentId;
    }
}
