package com.premiumledger.billing.account;

import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Opens a billing account; {@code language} and {@code email} may be null (language then defaults). */
public record OpenAccountCommand(
        @TargetAggregateIdentifier String accountId,
        String holderName,
        String program,
        LocalDate coverageStart,
        String language,
        String email,
        String openedBy) {
}
