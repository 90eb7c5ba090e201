package com.premiumledger.coverage.lifecycle;

/**
 * Where an account's coverage stands. This cut reaches PENDING_PAYMENT, ACTIVE and GRACE; the others are
 * named now so that the contract (the {@code toStatus} of CoverageStatusChanged) does not change later.
 */
public enum CoverageStatus {
    /** Enrolled; the binder (first month) is not paid yet, so coverage is not effectuated. */
    PENDING_PAYMENT,
    ACTIVE,
    /** A payment was missed; claims are still paid. */
    GRACE,
    /** Grace months 2-3 for APTC enrollees; claims are pended. */
    SUSPENDED,
    TERMINATED,
    /** Never effectuated: the binder was not paid. */
    CANCELLED
}
