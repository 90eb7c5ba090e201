package com.premiumledger.events;

/**
 * The exchange's autopay runner could not collect a bill (declined card, closed bank account, ...). Nothing
 * was paid; the bill stays open and the member must pay it another way. The enrollment itself stays.
 */
public record AutopayFailed(
        String accountId,
        String billId,
        long amountCents,
        String reason,
        String reportedBy) implements LedgerEvent {

    @Override
    public String streamKey() {
        return accountId;
    }
}
