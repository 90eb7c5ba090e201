package com.premiumledger.notification.notice;

import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Issue the one notice for a trigger. {@code payByDate} is null for notices that ask for no payment. */
public record IssueNoticeCommand(
        @TargetAggregateIdentifier String noticeId,
        String accountId,
        NoticeType type,
        NoticeChannel channel,
        long amountCents,
        LocalDate payByDate,
        String triggerEventId) {
}
