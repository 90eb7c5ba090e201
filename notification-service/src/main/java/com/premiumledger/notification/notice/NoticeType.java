package com.premiumledger.notification.notice;

/**
 * What a notice tells the member, and whether it asks for money (then it must say by when). The order is the
 * ladder a member may climb: bill, reminder, receipt or return, past due, suspension, warnings, termination.
 */
public enum NoticeType {
    BILL_READY(true),
    PAYMENT_DUE_SOON(true),
    PAYMENT_RECEIVED(false),
    PAYMENT_RETURNED(true),
    PAST_DUE_WARNING(true),
    SUSPENSION(true),
    TERMINATION_WARNING(true),
    TERMINATION(false),
    REINSTATEMENT(false),
    AUTOPAY_ENROLLED(false),
    AUTOPAY_FAILED(true);

    private final boolean asksForPayment;

    NoticeType(boolean asksForPayment) {
        this.asksForPayment = asksForPayment;
    }

    /** A notice that asks for money must say by when; one that asks for none must not invent a date. */
    public boolean asksForPayment() {
        return asksForPayment;
    }
}
