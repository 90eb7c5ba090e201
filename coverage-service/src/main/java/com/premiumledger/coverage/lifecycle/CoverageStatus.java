package com.premiumledger.coverage.lifecycle;

/** Where an account's coverage stands; the {@code toStatus} of CoverageStatusChanged. */
public enum CoverageStatus {
    /** Enrolled; the binder (first month) is not paid yet, so coverage is not effectuated. */
    PENDING_PAYMENT,
    ACTIVE,
    /** A payment was missed; claims are still paid (APTC grace month 1, or the state grace period). */
    GRACE,
    /** APTC grace months 2-3: claims are pended until the member pays or the grace runs out. */
    SUSPENDED,
    /** Grace ran out unpaid; the termination can be effective retroactively. */
    TERMINATED,
    /** Never effectuated: the binder was not paid by its deadline. */
    CANCELLED;

    /**
     * Effectuated and not ended: a move of the paid-through date alone is recorded (CoveragePaidThroughChanged).
     * Before the binder it has no paid month; after the end it stays as the ending change recorded it.
     */
    public boolean tracksPaidThrough() {
        return this == ACTIVE || this == GRACE || this == SUSPENDED;
    }

    /** No rule moves coverage out of these. */
    public boolean isFinal() {
        return this == TERMINATED || this == CANCELLED;
    }
}
