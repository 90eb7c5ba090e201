package com.premiumledger.coverage.lifecycle;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Apply one decided change. The aggregate answers with its {@link CoverageState} afterwards, whether it applied
 * the change, was already there, or had moved on (then the caller decides again from that state).
 */
public record ChangeCoverageCommand(
        @TargetAggregateIdentifier String accountId,
        String program,
        CoverageDecision decision,
        String causeEventId) {
}
