package com.premiumledger.coverage.lifecycle;

/** Why coverage moved; the {@code reason} of CoverageStatusChanged. */
public enum CoverageReason {
    ENROLLED,
    BINDER_PAID,
    BINDER_NOT_PAID,
    PAYMENT_MISSED,
    PAID_IN_FULL,
    GRACE_MONTH_1_ENDED,
    GRACE_EXPIRED,
    PAYMENT_REVERSED
}
