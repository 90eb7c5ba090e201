package com.premiumledger.events;

import java.time.LocalDate;

/**
 * A monthly premium bill. {@code amountDueCents = grossPremiumCents - subsidyCents}; one bill per account
 * and coverage month ({@code coverageMonth} is ISO "yyyy-MM").
 */
public record BillIssued(
        String accountId,
        String billId,
        String coverageMonth,
        LocalDate dueDate,
        long grossPremiumCents,
        long subsidyCents,
        long amountDueCents,
        String issuedBy) implements LedgerEvent {

    @Override
    public String streamKey() {
        return accountId;
    }
}
