package com.premiumledger.events;

import java.time.LocalDate;

/**
 * An operator assigned an unapplied payment to an account; from now on it is applied like a recorded
 * payment (billing consumes this event as it consumes {@link PaymentRecorded}).
 */
public record PaymentAssigned(
        String paymentId,
        String accountId,
        long amountCents,
        String method,
        String channel,
        LocalDate receivedDate,
        String assignedBy,
        String note) implements LedgerEvent {

    @Override
    public String streamKey() {
        return accountId;
    }
}
