package com.premiumledger.events;

import java.time.LocalDate;

/**
 * The member's autopay enrollment ended: bills are paid by hand again. {@code businessDate} is the business
 * date at cancellation; null when no day was closed yet.
 */
public record AutopayCancelled(
        String accountId,
        String cancelledBy,
        LocalDate businessDate) implements LedgerEvent {

    @Override
    public String streamKey() {
        return accountId;
    }
}
