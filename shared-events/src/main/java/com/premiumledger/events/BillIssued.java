package com.premiumledger.events;

import java.time.LocalDate;

/**
 * A monthly premium bill (contract version 2). {@code amountDueCents = grossPremiumCents - subsidyCents}; one
 * bill per account and coverage month ({@code coverageMonth} is ISO "yyyy-MM").
 *
 * <p>Version 2 adds {@code issuedDate}: the business date (billing's calendar) on which the bill was issued,
 * the day it is effective in the ledger, the balance as of a date and the trial balance. A v1 bill is upcast
 * with the UTC date of the instant it was recorded (see {@link BillIssuedV1ToV2}).
 */
public record BillIssued(
        String accountId,
        String billId,
        String coverageMonth,
        LocalDate dueDate,
        long grossPremiumCents,
        long subsidyCents,
        long amountDueCents,
        LocalDate issuedDate,
        String issuedBy) implements LedgerEvent {

    @Override
    public String streamKey() {
        return accountId;
    }
}
