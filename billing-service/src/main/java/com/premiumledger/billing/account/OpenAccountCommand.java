package com.premiumledger.billing.account;

import com.premiumledger.events.MailingAddress;
import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Opens a billing account. {@code language} may be null (it then defaults); the contact details ({@code email},
 * {@code phone}, {@code mailingAddress}) and {@code noticePreference} (EMAIL, SMS or MAIL) are optional, but a
 * preference needs the contact it names.
 */
public record OpenAccountCommand(
        @TargetAggregateIdentifier String accountId,
        String holderName,
        String program,
        LocalDate coverageStart,
        String language,
        String email,
        String phone,
        MailingAddress mailingAddress,
        String noticePreference,
        String openedBy) {

    /** An account with no contact details beyond an email. */
    public OpenAccountCommand(String accountId, String holderName, String program, LocalDate coverageStart,
                              String language, String email, String openedBy) {
        this(accountId, holderName, program, coverageStart, language, email, null, null, null, openedBy);
    }
}
