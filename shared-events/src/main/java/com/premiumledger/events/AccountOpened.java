package com.premiumledger.events;

import java.time.LocalDate;

/** A member account was opened for billing. Program is APTC or UNSUBSIDIZED (configurable set). */
public record AccountOpened(
        String accountId,
        String holderName,
        String program,
        LocalDate coverageStart,
        String language,
        String email,
        String openedBy) implements LedgerEvent {

    @Override
    public String streamKey() {
        return accountId;
    }
}
