package com.premiumledger.notification.history;

import java.time.Instant;
import java.time.LocalDate;

/** One issued notice as the notices topic told it. */
record IssuedNotice(String noticeId, String accountId, String type, String channel, Instant createdAt,
                    long amountCents, LocalDate payByDate, String triggerEventId) {
}
