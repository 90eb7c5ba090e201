package com.premiumledger.events;

/**
 * A US postal address for printed notices and the checks members mail in. {@code line2} may be null;
 * {@code state} is the two-letter code and {@code postalCode} a ZIP (5 digits, or ZIP+4 as 12345-6789).
 */
public record MailingAddress(String line1, String line2, String city, String state, String postalCode) {
}
