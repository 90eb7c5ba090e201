package com.premiumledger.billing.account;

import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Enrolls the account in autopay: the exchange's autopay runner charges each bill from this method. */
public record EnrollAutopayCommand(
        @TargetAggregateIdentifier String accountId,
        String method,
        String lastFour,
        LocalDate businessDate,
        String enrolledBy) {
}
