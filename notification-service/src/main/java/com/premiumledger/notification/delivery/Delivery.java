package com.premiumledger.notification.delivery;

import java.time.Instant;

/**
 * One notice's delivery: where it goes, its rendered text (and the letter that replaces it if it fails), and how
 * it went. {@code recipient} is the email
 * address or phone number, or the mailing address lines for a letter (null when none is on file).
 */
public record Delivery(String noticeId, String accountId, String type, String channel, String recipient,
                       String language, String subject, String body, String letterBody, DeliveryStatus status,
                       int attempts,
                       Instant deliveredAt, String lastError, String fallbackChannel, Instant fallbackDeliveredAt,
                       String fallbackBody) {

    /** {@code letter} is the same notice as a letter: what is printed if this channel fails for good. */
    static Delivery pending(String noticeId, String accountId, String type, String channel, String recipient,
                            RenderedNotice rendered, RenderedNotice letter) {
        return new Delivery(noticeId, accountId, type, channel, recipient, rendered.language(), rendered.subject(),
                rendered.body(), letter.body(), DeliveryStatus.PENDING, 0, null, null, null, null, null);
    }
}
