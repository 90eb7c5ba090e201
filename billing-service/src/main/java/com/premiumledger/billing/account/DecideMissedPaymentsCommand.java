package com.premiumledger.billing.account;

import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * The business calendar reached {@code businessDate}: every bill due before it with money open and not yet
 * missed is missed now. Idempotent by nature, so the calendar may send it as often as it likes.
 */
public record DecideMissedPaymentsCommand(
        @TargetAggregateIdentifier String accountId,
        LocalDate businessDate) {
}
