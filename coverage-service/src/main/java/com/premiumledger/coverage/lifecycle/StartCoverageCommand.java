package com.premiumledger.coverage.lifecycle;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** From AccountOpened: coverage begins to exist, as {@code decision} (ENROLLMENT) says. */
public record StartCoverageCommand(
        @TargetAggregateIdentifier String accountId,
        String program,
        CoverageDecision decision,
        String causeEventId) {
}
