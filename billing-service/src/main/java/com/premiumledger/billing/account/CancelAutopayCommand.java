package com.premiumledger.billing.account;

import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Ends the account's autopay enrollment. */
public record CancelAutopayCommand(
        @TargetAggregateIdentifier String accountId,
        LocalDate businessDate,
        String cancelledBy) {
}
