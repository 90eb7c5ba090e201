package com.premiumledger.notification.delivery;

/** Where a notice's delivery stands. */
public enum DeliveryStatus {
    /** Waiting in the delivery queue (first attempt or a retry). */
    PENDING,
    /** Handed to the SMTP server or the SMS gateway, or printed (a letter). */
    SENT,
    /** Every attempt failed; a letter went instead. */
    FAILED
}
