package com.premiumledger.notification.notice;

import java.time.LocalDate;

/**
 * Notice ids are derived from what triggered them, never generated: {@code <TYPE>:<trigger>}, where the trigger
 * is a bill id, a payment id, or the account with the date that names the occasion (a grace period by its
 * start, a termination by its effective date). The same trigger seen twice names the same aggregate, and the
 * store refuses to create it again.
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

    /** Several parts (account, date, ...) joined into one trigger id; none may be missing. */
    public static String of(NoticeType type, Object... parts) {
        StringBuilder trigger = new StringBuilder();
        for (Object part : parts) {
            if (part == null || part.toString().isBlank()) {
                throw new IllegalArgumentException("a " + type + " notice id is missing a part");
            }
            trigger.append(trigger.isEmpty() ? "" : SEPARATOR).append(part);
        }
        return of(type, trigger.toString());
    }

    public static String billReady(String billId) {
        return of(NoticeType.BILL_READY, billId);
    }

    public static String dueSoon(String billId) {
        return of(NoticeType.PAYMENT_DUE_SOON, billId);
    }

    public static String paymentReceived(String paymentId) {
        return of(NoticeType.PAYMENT_RECEIVED, paymentId);
    }

    public static String paymentReturned(String paymentId) {
        return of(NoticeType.PAYMENT_RETURNED, paymentId);
    }

    /** One per grace period: a grace period is named by its account and first day. */
    public static String pastDueWarning(String accountId, LocalDate graceStart) {
        return of(NoticeType.PAST_DUE_WARNING, accountId, graceStart);
    }

    public static String suspension(String accountId, LocalDate graceStart) {
        return of(NoticeType.SUSPENSION, accountId, graceStart);
    }

    /** One per grace period and warning: {@code daysBefore} is the configured distance to the grace end. */
    public static String terminationWarning(String accountId, LocalDate graceStart, int daysBefore) {
        return of(NoticeType.TERMINATION_WARNING, accountId, graceStart, daysBefore + "d");
    }

    public static String termination(String accountId, LocalDate terminationEffectiveDate) {
        return of(NoticeType.TERMINATION, accountId, terminationEffectiveDate);
    }

    public static String reinstatement(String accountId, LocalDate effectiveDate) {
        return of(NoticeType.REINSTATEMENT, accountId, effectiveDate);
    }

    /** Enrollments are told apart by the business date (or, before any day closed, the event). */
    public static String autopayEnrolled(String accountId, String occasion) {
        return of(NoticeType.AUTOPAY_ENROLLED, accountId, occasion);
    }

    public static String autopayFailed(String billId) {
        return of(NoticeType.AUTOPAY_FAILED, billId);
    }

    /** True when {@code noticeId} is a {@code type} notice with a non-empty trigger id. */
    static boolean isOfType(String noticeId, NoticeType type) {
        String prefix = type.name() + SEPARATOR;
        return noticeId != null && noticeId.startsWith(prefix) && !noticeId.substring(prefix.length()).isBlank();
    }
}
