package com.premiumledger.coverage.lifecycle;

/** A fact, found by {@link CoverageDecider}, that may move coverage; the table says where to. */
public enum CoverageTrigger {
    /** The account was opened: coverage begins to exist. */
    ENROLLMENT,
    /** The binder bill (the coverage start month) is paid in full. */
    BINDER_PAID,
    /** The binder deadline has passed with the binder unpaid. */
    BINDER_DEADLINE_PASSED,
    /** Billing recorded a missed payment on a bill that is still open. */
    PAYMENT_MISSED,
    /** Every past-due amount is paid in full while the grace period lasts. */
    PAST_DUE_PAID,
    /** The first day of the grace month from which the program suspends claims. */
    SUSPENSION_DATE_REACHED,
    /** The grace period ended unpaid. */
    GRACE_EXPIRED,
    /** The payment that ended a grace period was reversed while that grace period would still be in month 1. */
    REINSTATEMENT_REVERSED_IN_GRACE,
    /** ... while that grace period would be in its suspension months. */
    REINSTATEMENT_REVERSED_IN_SUSPENSION,
    /** ... after that grace period would have run out. */
    REINSTATEMENT_REVERSED_AFTER_GRACE
}
