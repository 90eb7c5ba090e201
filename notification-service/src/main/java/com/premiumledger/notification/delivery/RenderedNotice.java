package com.premiumledger.notification.delivery;

/** A notice's text for one channel; {@code subject} is null for SMS and letters. */
record RenderedNotice(String language, String subject, String body) {
}
