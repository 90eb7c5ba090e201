package com.premiumledger.platform.security;

/** {@code @PreAuthorize} expressions for the three roles. */
public final class Roles {

    /** Commands that change the ledger: internal services. */
    public static final String SERVICE = "hasRole('SERVICE')";
    /** The calendar and the operations endpoints. */
    public static final String OPERATOR = "hasRole('OPERATOR')";
    /** Read-only queries: auditors, and the operators and services that also need to look. */
    public static final String READER = "hasAnyRole('AUDITOR','OPERATOR','SERVICE')";

    private Roles() {
    }
}
