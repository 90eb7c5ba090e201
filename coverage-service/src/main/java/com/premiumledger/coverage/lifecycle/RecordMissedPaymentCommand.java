package com.premiumledger.coverage.lifecycle;

import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** From PaymentMissed: a bill's due date passed with money open, decided on {@code businessDate}. */
public record RecordMissedPaymentCommand(
        @TargetAggregateIdentifier String accountId,
        String billId,
        LocalDate businessDate,
        String causeEventId) {
}
