package com.premiumledger.events;

/**
 * Account credit (from an overpayment) paid a bill: issued while credit existed, or credit left over
 * when a bill opened. {@code creditAfterCents} is the credit that remains.
 */
public record CreditApplied(
        String accountId,
        String billId,
        long amountCents,
        long billOpenAfterCents,
        long creditAfterCents,
        long accountOpenAfterCents) implements LedgerEvent {

    @Override
    public String streamKey() {
        return accountId;
    }
}
