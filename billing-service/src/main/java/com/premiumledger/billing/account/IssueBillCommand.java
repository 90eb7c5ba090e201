package com.premiumledger.billing.account;

import java.time.LocalDate;
import java.time.YearMonth;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Bills one coverage month; a null {@code dueDate} takes the configured default. {@code issuedDate} is the
 * business date on which it is issued (the bill is effective on it in the ledger).
 */
public record IssueBillCommand(
        @TargetAggregateIdentifier String accountId,
        YearMonth coverageMonth,
        long grossPremiumCents,
        long subsidyCents,
        LocalDate dueDate,
        LocalDate issuedDate,
        String issuedBy) {
}
