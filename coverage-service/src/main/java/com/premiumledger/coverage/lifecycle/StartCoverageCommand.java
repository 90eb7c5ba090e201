package com.premiumledger.coverage.lifecycle;

import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** From AccountOpened: coverage for the account begins to exist, pending its binder payment. */
public record StartCoverageCommand(
        @TargetAggregateIdentifier String accountId,
        String program,
        LocalDate coverageStart,
        String causeEventId) {
}
