package com.premiumledger.billing.support;

/** Who issued a command the service sends on its own (the {@code issuedBy} of the audit trail). */
public final class Authors {

    /** The author of decisions the business calendar makes. */
    public static final String CALENDAR = "calendar";
    /** The author of payment applications, which follow from payments the payment service recorded. */
    public static final String PAYMENT_APPLICATION = "payment-application";

    private Authors() {
    }
}
