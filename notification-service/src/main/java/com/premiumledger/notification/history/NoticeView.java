package com.premiumledger.notification.history;

import com.premiumledger.notification.delivery.Delivery;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.time.LocalDate;

/** One issued notice and how its delivery went, as members' service staff see it. */
@Schema(description = "A notice issued to a member, with its delivery status")
record NoticeView(
        @Schema(example = "BILL_READY:A123456789-2027-02") String noticeId,
        String accountId,
        @Schema(allowableValues = {"BILL_READY", "PAYMENT_DUE_SOON", "PAYMENT_RECEIVED", "PAYMENT_RETURNED",
                "PAST_DUE_WARNING", "SUSPENSION", "TERMINATION_WARNING", "TERMINATION", "REINSTATEMENT",
                "AUTOPAY_ENROLLED", "AUTOPAY_FAILED"}) String type,
        @Schema(allowableValues = {"EMAIL", "SMS", "LETTER"}) String channel,
        @Schema(description = "ISSUED until the notice reached the delivery queue; then PENDING, SENT or FAILED"
                + " (every attempt failed; fallbackChannel says what went instead)",
                allowableValues = {"ISSUED", "PENDING", "SENT", "FAILED"}) String status,
        Instant createdAt,
        @Schema(description = "when it was handed to the SMTP server or SMS gateway, or printed; null until then")
        Instant deliveredAt,
        @Schema(description = "delivery attempts so far") int attempts,
        @Schema(description = "the amount the notice states, in cents") long amountCents,
        @Schema(description = "date by which to pay; null for notices that ask for no payment") LocalDate payByDate,
        @Schema(description = "id of the event that triggered the notice") String triggerEventId,
        @Schema(description = "LETTER when the notice was printed because its channel failed; else null")
        String fallbackChannel,
        @Schema(description = "when the fallback letter was printed") Instant fallbackDeliveredAt) {

    static final String ISSUED = "ISSUED";

    static NoticeView of(IssuedNotice notice, Delivery delivery) {
        return new NoticeView(notice.noticeId(), notice.accountId(), notice.type(), notice.channel(),
                delivery == null ? ISSUED : delivery.status().name(), notice.createdAt(),
                delivery == null ? null : delivery.deliveredAt(), delivery == null ? 0 : delivery.attempts(),
                notice.amountCents(), notice.payByDate(), notice.triggerEventId(),
                delivery == null ? null : delivery.fallbackChannel(),
                delivery == null ? null : delivery.fallbackDeliveredAt());
    }
}
