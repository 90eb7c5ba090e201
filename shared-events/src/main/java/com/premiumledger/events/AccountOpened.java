package com.premiumledger.events;

import java.time.LocalDate;

/**
 * A member account was opened for billing (contract version 2). Program is APTC or UNSUBSIDIZED
 * (configurable set).
 *
 * <p>Version 2 adds where and how the member wants notices: {@code phone} (E.164), {@code mailingAddress} and
 * {@code noticePreference} ({@code EMAIL}, {@code SMS} or {@code MAIL}). Each is null when the member gave none,
 * and always null on an account upcast from version 1.
 */
public record AccountOpened(
        String accountId,
        String holderName,
        String program,
        LocalDate coverageStart,
        String language,
        String email,
        String phone,
        MailingAddress mailingAddress,
        String noticePreference,
        String openedBy) implements LedgerEvent {

    /** An account opened without contact details beyond the email (the version 1 shape). */
    public AccountOpened(String accountId, String holderName, String program, LocalDate coverageStart,
                         String language, String email, String openedBy) {
        this(accountId, holderName, program, coverageStart, language, email, null, null, null, openedBy);
    }

    @Override
    public String streamKey() {
        return accountId;
    }
}
