package com.premiumledger.notification.history;

import com.premiumledger.notification.delivery.Delivery;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.time.LocalDate;

/** One notice with what it said: its rendered content for its channel (and the letter, if one replaced it). */
@Schema(description = "A notice with its rendered content")
record NoticeDetail(
        String noticeId,
        String accountId,
        String type,
        String channel,
        @Schema(allowableValues = {"ISSUED", "PENDING", "SENT", "FAILED"}) String status,
        Instant createdAt,
        Instant deliveredAt,
        int attempts,
        long amountCents,
        LocalDate payByDate,
        String triggerEventId,
        String fallbackChannel,
        Instant fallbackDeliveredAt,
        @Schema(description = "email address, phone number or mailing address; null when none was on file")
        String recipient,
        @Schema(description = "language the notice was written in") String language,
        @Schema(description = "email subject; null for SMS and letters") String subject,
        @Schema(description = "the text as sent (for a letter, as printed in letter.pdf)") String body,
        @Schema(description = "the letter printed instead, when the notice FAILED on its channel") String fallbackBody,
        @Schema(description = "why the last attempt failed; null after a success") String lastError) {

    static NoticeDetail of(IssuedNotice notice, Delivery delivery) {
        NoticeView view = NoticeView.of(notice, delivery);
        return new NoticeDetail(view.noticeId(), view.accountId(), view.type(), view.channel(), view.status(),
                view.createdAt(), view.deliveredAt(), view.attempts(), view.amountCents(), view.payByDate(),
                view.triggerEventId(), view.fallbackChannel(), view.fallbackDeliveredAt(),
                delivery == null ? null : delivery.recipient(), delivery == null ? null : delivery.language(),
                delivery == null ? null : delivery.subject(), delivery == null ? null : delivery.body(),
                delivery == null ? null : delivery.fallbackBody(), delivery == null ? null : delivery.lastError());
    }
}
