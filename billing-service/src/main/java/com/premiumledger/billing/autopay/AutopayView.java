package com.premiumledger.billing.autopay;

import java.time.LocalDate;

/**
 * An account's autopay status as the billing events tell it: whether it is enrolled, with which method, since
 * which business date, and the last charge the autopay runner reported failed (null fields where none).
 */
record AutopayView(String accountId, boolean enrolled, String method, String lastFour, LocalDate enrolledOn,
                   String lastFailedBillId, Long lastFailedAmountCents, String lastFailureReason) {
}
