package com.premiumledger.billing.account;

import com.premiumledger.events.MailingAddress;
import com.premiumledger.platform.web.RuleViolation;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What a member's contact details must look like: an E.164 phone, a US address (two-letter state or territory
 * code, ZIP or ZIP+4), and a notice preference backed by the contact it names.
 */
final class ContactRules {

    static final String PHONE_REGEX = "^\\+[1-9][0-9]{1,14}$";
    static final String POSTAL_CODE_REGEX = "^[0-9]{5}(-[0-9]{4})?$";
    static final String STATE_REGEX = "^[A-Z]{2}$";
    static final Set<String> PREFERENCES = Set.of("EMAIL", "SMS", "MAIL");
    /** The states, DC and the territories the exchange can mail to. */
    static final Set<String> STATES = Set.of("AL", "AK", "AZ", "AR", "CA", "CO", "CT", "DE", "FL", "GA", "HI", "ID",
            "IL", "IN", "IA", "KS", "KY", "LA", "ME", "MD", "MA", "MI", "MN", "MS", "MO", "MT", "NE", "NV", "NH", "NJ",
            "NM", "NY", "NC", "ND", "OH", "OK", "OR", "PA", "RI", "SC", "SD", "TN", "TX", "UT", "VT", "VA", "WA", "WV",
            "WI", "WY", "DC", "PR", "GU", "VI", "AS", "MP");
    static final int ADDRESS_LINE_LENGTH_MAX = 100;

    private static final Pattern PHONE = Pattern.compile(PHONE_REGEX);
    private static final Pattern POSTAL_CODE = Pattern.compile(POSTAL_CODE_REGEX);

    private ContactRules() {
    }

    static void check(OpenAccountCommand command) {
        if (command.phone() != null && !PHONE.matcher(command.phone()).matches()) {
            throw RuleViolation.invalid("phone", "phone must be E.164: + country code and number, e.g. +16175550123");
        }
        if (command.mailingAddress() != null) {
            checkAddress(command.mailingAddress());
        }
        String preference = command.noticePreference();
        if (preference == null) {
            return;
        }
        if (!PREFERENCES.contains(preference)) {
            throw RuleViolation.invalid("notice-preference", "noticePreference must be one of EMAIL, SMS, MAIL");
        }
        boolean backed = switch (preference) {
            case "EMAIL" -> command.email() != null;
            case "SMS" -> command.phone() != null;
            default -> command.mailingAddress() != null;
        };
        if (!backed) {
            throw RuleViolation.invalid("notice-preference", "noticePreference " + preference + " needs "
                    + switch (preference) {
                        case "EMAIL" -> "an email";
                        case "SMS" -> "a phone";
                        default -> "a mailingAddress";
                    });
        }
    }

    private static void checkAddress(MailingAddress address) {
        if (isBlankOrLong(address.line1()) || isBlankOrLong(address.city())
                || (address.line2() != null && isBlankOrLong(address.line2()))) {
            throw RuleViolation.invalid("mailing-address", "mailingAddress needs line1 and city (line2 optional),"
                    + " each 1 to " + ADDRESS_LINE_LENGTH_MAX + " characters");
        }
        if (address.state() == null || !STATES.contains(address.state())) {
            throw RuleViolation.invalid("mailing-address", "mailingAddress.state must be a two-letter US state or"
                    + " territory code, e.g. MA");
        }
        if (address.postalCode() == null || !POSTAL_CODE.matcher(address.postalCode()).matches()) {
            throw RuleViolation.invalid("mailing-address", "mailingAddress.postalCode must be a ZIP code: 12345 or"
                    + " 12345-6789");
        }
    }

    private static boolean isBlankOrLong(String value) {
        return value == null || value.isBlank() || value.length() > ADDRESS_LINE_LENGTH_MAX;
    }
}
