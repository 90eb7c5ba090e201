package com.premiumledger.notification.notice;

/**
 * Notice ids are derived from what triggered them ("BILL_READY:" + bill id), never generated: the same
 * trigger seen twice names the same aggregate, and the store refuses to create it again.
 */
public final class NoticeIds {

    static final String SEPARATOR = ":";

    private NoticeIds() {
    }

    public static String of(NoticeType type, String triggerId) {
        if (triggerId == null || triggerId.isBlank()) {
            throw new IllegalArgumentException("a " + type + " notice needs the id of its trigger");
        }
        return type.name() + SEPARATOR + triggerId;
    }

    public static String billReady(String billId) {
        return of(NoticeType.BILL_READY, billId);
    }

    public static String pastDueWarning(String billId) {
        return of(NoticeType.PAST_DUE_WARNING, billId);
    }

    public static String paymentReceived(String paymentId) {
        return of(NoticeType.PAYMENT_RECEIVED, paymentId);
    }

    /** True when {@code noticeId} is a {@code type} notice with a non-empty trigger id. */
    static boolean isOfType(String noticeId, NoticeType type) {
        String prefix = type.name() + SEPARATOR;
        return noticeId != null && noticeId.startsWith(prefix) && !noticeId.substring(prefix.length()).isBlank();
    }
}
