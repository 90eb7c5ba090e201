package com.premiumledger.coverage.lifecycle;

import java.util.Objects;

/** One row's outcome in the coverage table: where a status goes on a trigger, why, and from which date. */
public record Transition(CoverageStatus target, CoverageReason reason, EffectiveDateRule effectiveDate) {

    public Transition {
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(effectiveDate, "effectiveDate");
    }
}
