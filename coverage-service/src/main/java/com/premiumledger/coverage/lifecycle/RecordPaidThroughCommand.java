package com.premiumledger.coverage.lifecycle;

import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Record the paid-through date the billing facts now give, when no status change carries it. The aggregate
 * records it only if it differs from the one it holds and the status tracks it ({@link
 * CoverageStatus#tracksPaidThrough()}), and answers with its {@link CoverageState} either way.
 *
 * @param effectiveDate the business date of the billing event that moved it
 */
public record RecordPaidThroughCommand(
        @TargetAggregateIdentifier String accountId,
        String program,
        LocalDate paidThroughDate,
        LocalDate effectiveDate,
        String causeEventId) {
}
