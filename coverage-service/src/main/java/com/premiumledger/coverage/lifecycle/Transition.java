package com.premiumledger.coverage.lifecycle;

import java.util.Objects;

/** One row's outcome in the coverage table: where a status goes on a trigger, and why. */
public record Transition(CoverageStatus target, CoverageReason reason) {

    public Transition {
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(reason, "reason");
    }
}
