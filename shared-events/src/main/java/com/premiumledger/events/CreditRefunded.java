package com.premiumledger.events;

import java.time.LocalDate;

/** Billing paid a refund out of the account's credit; {@code creditAfterCents} is what credit remains. */
public record CreditRefunded(
        String accountId,
        String refundId,
        String paymentId,
        long amountCents,
        String method,
        LocalDate refundedDate,
        long creditAfterCents) implements LedgerEvent {

    @Override
    public String streamKey() {
        return accountId;
    }
}
