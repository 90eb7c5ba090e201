package com.premiumledger.billing.account;

import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Records by hand that one bill's payment was missed. */
public record MissPaymentCommand(
        @TargetAggregateIdentifier String accountId,
        String billId,
        LocalDate businessDate,
        String decidedBy) {
}
