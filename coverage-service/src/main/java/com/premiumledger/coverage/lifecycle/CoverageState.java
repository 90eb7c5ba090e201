package com.premiumledger.coverage.lifecycle;

import java.time.LocalDate;

/**
 * Where an account's coverage stands, as far as deciding the next change needs: the status, the grace period
 * it is in (GRACE, SUSPENDED; null otherwise), the aggregate version it was read at, and the grace period a
 * payment last ended (for reversals).
 *
 * @param status null while no coverage exists
 * @param version sequence of the last coverage event; -1 for none
 * @param paidThroughDate the paid-through date the coverage events recorded last (null for none)
 */
public record CoverageState(CoverageStatus status, LocalDate graceStart, LocalDate graceEnd, long version,
                            EndedGrace endedGrace, LocalDate paidThroughDate) {

    public CoverageState(CoverageStatus status, LocalDate graceStart, LocalDate graceEnd, long version,
                         EndedGrace endedGrace) {
        this(status, graceStart, graceEnd, version, endedGrace, null);
    }

    public static CoverageState none() {
        return new CoverageState(null, null, null, -1, null, null);
    }

    public CoverageState withEndedGrace(EndedGrace grace) {
        return new CoverageState(status, graceStart, graceEnd, version, grace, paidThroughDate);
    }
}
