package com.premiumledger.coverage.lifecycle;

/** Why coverage moved; the {@code reason} of CoverageStatusChanged. */
public enum CoverageReason {
    ENROLLED,
    BINDER_PAID,
    PAID_IN_FULL,
    PAYMENT_MISSED
}
