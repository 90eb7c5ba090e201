package com.premiumledger.billing.account;

import com.premiumledger.events.AutopayCancelled;
import com.premiumledger.events.AutopayEnrolled;
import com.premiumledger.events.AutopayFailed;
import com.premiumledger.platform.web.RuleViolation;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What autopay commands must satisfy, as pure decisions. Billing charges nothing itself: the exchange's autopay
 * runner does, and reports the charges it could not make.
 */
final class AutopayRules {

    static final Set<String> METHODS = Set.of("ACH", "CARD");
    static final String LAST_FOUR_REGEX = "^[0-9]{4}$";
    static final int REASON_LENGTH_MAX = 200;
    private static final Pattern LAST_FOUR = Pattern.compile(LAST_FOUR_REGEX);

    private AutopayRules() {
    }

    static AutopayEnrolled enroll(String accountId, AutopayState autopay, EnrollAutopayCommand command) {
        if (command.method() == null || !METHODS.contains(command.method())) {
            throw RuleViolation.invalid("autopay-method", "autopay method must be ACH or CARD");
        }
        if (command.lastFour() == null || !LAST_FOUR.matcher(command.lastFour()).matches()) {
            throw RuleViolation.invalid("last-four", "lastFour must be the last 4 digits, never a full number");
        }
        if (autopay.enrolled()) {
            throw RuleViolation.conflict("autopay-enrolled", "account " + accountId + " is already enrolled in"
                    + " autopay (" + autopay.method() + " ending " + autopay.lastFour() + "); cancel it first");
        }
        return new AutopayEnrolled(accountId, command.method(), command.lastFour(), command.enrolledBy(),
                command.businessDate());
    }

    static AutopayCancelled cancel(String accountId, AutopayState autopay, CancelAutopayCommand command) {
        if (!autopay.enrolled()) {
            throw RuleViolation.conflict("autopay-not-enrolled", "account " + accountId + " is not enrolled in autopay");
        }
        return new AutopayCancelled(accountId, command.cancelledBy(), command.businessDate());
    }

    /** {@code billKnown}: whether the account has the named bill. */
    static AutopayFailed failed(String accountId, AutopayState autopay, boolean billKnown,
                                ReportAutopayFailureCommand command) {
        if (command.amountCents() <= 0) {
            throw RuleViolation.invalid("amount", "the amount autopay tried is positive, got " + command.amountCents());
        }
        if (command.reason() == null || command.reason().isBlank() || command.reason().length() > REASON_LENGTH_MAX) {
            throw RuleViolation.invalid("reason", "reason must have 1 to " + REASON_LENGTH_MAX + " characters");
        }
        if (!billKnown) {
            throw RuleViolation.notFound("bill-not-found", "account " + accountId + " has no bill " + command.billId());
        }
        if (!autopay.enrolled()) {
            throw RuleViolation.conflict("autopay-not-enrolled", "account " + accountId + " is not enrolled in autopay");
        }
        return new AutopayFailed(accountId, command.billId(), command.amountCents(), command.reason().strip(),
                command.reportedBy());
    }
}
