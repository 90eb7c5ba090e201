package com.premiumledger.billing.account;

import com.premiumledger.billing.BillingProperties;
import com.premiumledger.platform.web.RuleViolation;
import java.util.regex.Pattern;

/** What a new account must satisfy. */
final class AccountRules {

    static final String ACCOUNT_ID_REGEX = "^[A-Z0-9][A-Z0-9-]{3,31}$";
    static final String DEFAULT_LANGUAGE = "en";
    private static final Pattern ACCOUNT_ID = Pattern.compile(ACCOUNT_ID_REGEX);
    // Deliberately loose: the mail server is the real judge; this only catches what cannot be an address.
    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");
    private static final int EMAIL_LENGTH_MAX = 254;

    private AccountRules() {
    }

    static void checkOpen(OpenAccountCommand command, BillingProperties properties) {
        if (!isAccountId(command.accountId())) {
            throw RuleViolation.invalid("account-id", "account ids match " + ACCOUNT_ID_REGEX);
        }
        if (command.holderName() == null || command.holderName().isBlank()
                || command.holderName().length() > properties.holderNameLengthMax()) {
            throw RuleViolation.invalid("holder-name", "holderName must have 1 to "
                    + properties.holderNameLengthMax() + " characters");
        }
        if (!properties.programs().contains(command.program())) {
            throw RuleViolation.invalid("unknown-program", "program must be one of " + properties.programs());
        }
        if (command.coverageStart() == null || command.coverageStart().getDayOfMonth() != 1) {
            throw RuleViolation.invalid("coverage-start", "coverageStart must be the first day of a month");
        }
        if (!properties.languages().contains(languageOrDefault(command.language()))) {
            throw RuleViolation.invalid("unknown-language", "language must be one of " + properties.languages());
        }
        if (command.email() != null && (command.email().length() > EMAIL_LENGTH_MAX
                || !EMAIL.matcher(command.email()).matches())) {
            throw RuleViolation.invalid("email", "email is not a valid address");
        }
        ContactRules.check(command);
    }

    static boolean isAccountId(String accountId) {
        return accountId != null && ACCOUNT_ID.matcher(accountId).matches();
    }

    static String languageOrDefault(String language) {
        return language == null ? DEFAULT_LANGUAGE : language;
    }
}
