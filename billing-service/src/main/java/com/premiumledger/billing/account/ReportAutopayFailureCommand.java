package com.premiumledger.billing.account;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The autopay runner could not collect a bill; billing records it (nothing is paid). */
public record ReportAutopayFailureCommand(
        @TargetAggregateIdentifier String accountId,
        String billId,
        long amountCents,
        String reason,
        String reportedBy) {
}
