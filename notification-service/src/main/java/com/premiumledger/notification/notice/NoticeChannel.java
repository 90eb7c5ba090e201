package com.premiumledger.notification.notice;

/** How a notice is meant to reach the member; delivery itself comes later. */
public enum NoticeChannel {
    EMAIL,
    SMS,
    LETTER
}
