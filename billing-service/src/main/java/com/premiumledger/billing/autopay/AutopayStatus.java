package com.premiumledger.billing.autopay;

import java.time.LocalDate;

/**
 * The {@code autopay_statuses} document of one account: its autopay status as of the account event at
 * {@code lastSequence}, the write guard that makes a repeated event a no-op.
 */
record AutopayStatus(boolean enrolled, String method, String lastFour, LocalDate enrolledOn, Failure lastFailure,
                     long lastSequence) {

    /** The last charge the autopay runner reported failed. */
    record Failure(String billId, long amountCents, String reason) {
    }

    static AutopayStatus none() {
        return new AutopayStatus(false, null, null, null, null, -1);
    }

    AutopayStatus enrolled(String method, String lastFour, LocalDate enrolledOn, long sequence) {
        return new AutopayStatus(true, method, lastFour, enrolledOn, lastFailure, sequence);
    }

    AutopayStatus cancelled(long sequence) {
        return new AutopayStatus(false, null, null, null, lastFailure, sequence);
    }

    AutopayStatus failed(Failure failure, long sequence) {
        return new AutopayStatus(enrolled, method, lastFour, enrolledOn, failure, sequence);
    }

    AutopayView toView(String accountId) {
        return new AutopayView(accountId, enrolled, method, lastFour, enrolledOn,
                lastFailure == null ? null : lastFailure.billId(),
                lastFailure == null ? null : lastFailure.amountCents(),
                lastFailure == null ? null : lastFailure.reason());
    }
}
