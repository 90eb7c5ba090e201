package com.premiumledger.events;

import java.time.LocalDate;

/**
 * The member enrolled in autopay: the exchange's autopay runner charges each bill on its due date from the
 * named method. Only the last four digits of the card or bank account are ever carried. {@code businessDate}
 * is the business date at enrollment; null when no day was closed yet.
 */
public record AutopayEnrolled(
        String accountId,
        String method,
        String lastFour,
        String enrolledBy,
        LocalDate businessDate) implements LedgerEvent {

    @Override
    public String streamKey() {
        return accountId;
    }
}
