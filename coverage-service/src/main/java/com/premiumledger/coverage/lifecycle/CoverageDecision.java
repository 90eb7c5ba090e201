package com.premiumledger.coverage.lifecycle;

import java.time.LocalDate;

/**
 * One status change {@link CoverageDecider} found, with every date the CoverageStatusChanged event carries.
 * The aggregate checks {@code from} against its status and (from, trigger) against the table before applying it.
 */
public record CoverageDecision(
        CoverageTrigger trigger,
        CoverageStatus from,
        CoverageStatus to,
        CoverageReason reason,
        LocalDate effectiveDate,
        LocalDate graceStart,
        LocalDate graceEnd,
        LocalDate paidThroughDate,
        LocalDate terminationEffectiveDate) {
}
