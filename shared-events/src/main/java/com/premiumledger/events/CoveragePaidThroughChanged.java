package com.premiumledger.events;

import java.time.LocalDate;

/**
 * An account's paid-through date moved without its coverage status moving: a payment paid a coverage month
 * ahead (or paid a past-due month while still in grace), or a reversal took a paid month back. Status changes
 * carry the paid-through date themselves ({@link CoverageStatusChanged}); this event covers every other move,
 * so the paid-through date a reader sees is always traceable to one event. {@code causeEventId} is the
 * billing event that moved it.
 *
 * @param previousPaidThroughDate the date before (null when no month was fully paid)
 * @param paidThroughDate last day of the last fully paid coverage month now (null when none is)
 * @param effectiveDate the business date of the move (the payment's received date, the reversal's date)
 */
public record CoveragePaidThroughChanged(
        String accountId,
        String program,
        LocalDate previousPaidThroughDate,
        LocalDate paidThroughDate,
        LocalDate effectiveDate,
        String causeEventId) implements LedgerEvent {

    @Override
    public String streamKey() {
        return accountId;
    }
}
