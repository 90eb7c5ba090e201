package com.premiumledger.events;

import java.time.LocalDate;

/**
 * An account's coverage status moved. {@code fromStatus} is null for the first status.
 * {@code causeEventId} is the billing event that made it move, so every status can be traced.
 */
public record CoverageStatusChanged(
        String accountId,
        String fromStatus,
        String toStatus,
        String reason,
        LocalDate effectiveDate,
        String causeEventId) implements LedgerEvent {

    @Override
    public String streamKey() {
        return accountId;
    }
}
