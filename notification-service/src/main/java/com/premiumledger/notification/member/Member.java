package com.premiumledger.notification.member;

/** Where and how to reach an account holder, as billing recorded it when the account was opened. */
public record Member(String accountId, String holderName, String email, String language) {

    public boolean hasEmail() {
        return email != null && !email.isBlank();
    }
}
