package com.premiumledger.events;

import java.time.LocalDate;

/**
 * A reminder notice was issued to a member. {@code noticeId} is deterministic (type, account and the
 * bill, payment or date that triggered it), which is what makes notices one per trigger.
 */
public record NoticeIssued(
        String noticeId,
        String accountId,
        String noticeType,
        String channel,
        long amountCents,
        LocalDate payByDate,
        String triggerEventId) implements LedgerEvent {

    @Override
    public String streamKey() {
        return accountId;
    }
}
