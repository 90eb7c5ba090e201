package com.premiumledger.coverage.lifecycle;

/** A billing fact that may move coverage. One billing event can carry several (a payment both closes a bill and clears the account). */
public enum CoverageTrigger {
    /** The account was opened: coverage begins to exist. */
    ENROLLMENT,
    /** A payment paid some bill in full. */
    BILL_PAID_IN_FULL,
    /** A payment left nothing open on the whole account. */
    ACCOUNT_PAID_IN_FULL,
    /** A bill's due date passed with money still open. */
    PAYMENT_MISSED
}
