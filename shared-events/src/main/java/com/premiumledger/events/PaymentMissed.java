package com.premiumledger.events;

import java.time.LocalDate;

/**
 * A bill's due date passed with money still open. {@code businessDate} is the day whose closing (or the
 * operator's hand) decided it; {@code decidedBy} is "calendar" or the user who recorded it.
 */
public record PaymentMissed(
        String accountId,
        String billId,
        String coverageMonth,
        LocalDate dueDate,
        long openCents,
        LocalDate businessDate,
        String decidedBy) implements LedgerEvent {

    @Override
    public String streamKey() {
        return accountId;
    }
}
