package com.premiumledger.billing.account;

import java.time.LocalDate;
import java.time.YearMonth;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Bills one coverage month; a null {@code dueDate} takes the configured default. */
public record IssueBillCommand(
        @TargetAggregateIdentifier String accountId,
        YearMonth coverageMonth,
        long grossPremiumCents,
        long subsidyCents,
        LocalDate dueDate,
        String issuedBy) {
}
