package com.premiumledger.notification.history;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.time.LocalDate;

/** One issued notice as members' service staff see it. */
@Schema(description = "A notice issued to a member")
record NoticeView(
        @Schema(example = "BILL_READY:A123456789:2027-02") String noticeId,
        String accountId,
        @Schema(allowableValues = {"BILL_READY", "PAYMENT_RECEIVED", "PAST_DUE_WARNING"}) String type,
        @Schema(allowableValues = {"EMAIL", "SMS", "LETTER"}) String channel,
        @Schema(allowableValues = {"ISSUED"}) String status,
        Instant createdAt,
        long amountCents,
        @Schema(description = "date by which to pay; null for notices that ask for no payment") LocalDate payByDate,
        @Schema(description = "id of the event that triggered the notice") String triggerEventId) {
}
