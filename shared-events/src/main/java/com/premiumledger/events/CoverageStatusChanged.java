package com.premiumledger.events;

import java.time.LocalDate;

/**
 * An account's coverage status moved (contract version 2). {@code fromStatus} is null for the first status.
 * {@code causeEventId} is the event that made it move, so every status can be traced.
 *
 * <p>Version 2 carries the dates a reader needs without replaying the rules: the grace period the account is
 * in (or was in, for a termination), the last day of the last fully paid coverage month, and the termination
 * effective date (which can be retroactive). Each is null where no value applies; {@code program} is null only
 * on a change upcast from version 1, which did not carry it.
 */
public record CoverageStatusChanged(
        String accountId,
        String program,
        String fromStatus,
        String toStatus,
        String reason,
        LocalDate effectiveDate,
        LocalDate graceStart,
        LocalDate graceEnd,
        LocalDate paidThroughDate,
        LocalDate terminationEffectiveDate,
        String causeEventId) implements LedgerEvent {

    @Override
    public String streamKey() {
        return accountId;
    }
}
