package com.premiumledger.notification.notice;

/** What a notice tells the member. More types come with later triggers (due soon, suspension, ...). */
public enum NoticeType {
    BILL_READY(true),
    PAYMENT_RECEIVED(false),
    PAST_DUE_WARNING(true);

    private final boolean asksForPayment;

    NoticeType(boolean asksForPayment) {
        this.asksForPayment = asksForPayment;
    }

    /** A notice that asks for money must say by when; one that thanks for money must not invent a date. */
    public boolean asksForPayment() {
        return asksForPayment;
    }
}
