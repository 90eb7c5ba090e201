package com.premiumledger.notification.member;

import com.premiumledger.events.MailingAddress;

/**
 * Where and how to reach an account holder, as billing recorded it when the account was opened.
 * {@code noticePreference} is EMAIL, SMS, MAIL or null (none stated).
 */
public record Member(String accountId, String holderName, String email, String phone, MailingAddress mailingAddress,
                     String language, String noticePreference) {

    public boolean hasEmail() {
        return email != null && !email.isBlank();
    }

    public boolean hasPhone() {
        return phone != null && !phone.isBlank();
    }
}
