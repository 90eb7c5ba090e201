package com.premiumledger.coverage.lifecycle;

import java.time.LocalDate;

/**
 * The grace period a payment ended, kept so that reversing that payment puts the account back into it.
 *
 * @param paymentId the payment whose application ended grace; null when something else (credit) ended it
 */
public record EndedGrace(String paymentId, LocalDate graceStart, LocalDate graceEnd) {
}
