package com.premiumledger.events;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The registry of published event types. The type name is the CloudEvents {@code ce_type}; its last
 * segment is the contract version. A new version of a type gets a new name and an upcaster from the old.
 */
public final class EventTypes {

    private static final Map<String, Class<? extends LedgerEvent>> CLASS_BY_TYPE = new LinkedHashMap<>();
    private static final Map<Class<? extends LedgerEvent>, String> TYPE_BY_CLASS = new LinkedHashMap<>();

    static {
        register(AccountOpenedV1ToV2.V2, AccountOpened.class);
        register(BillIssuedV1ToV2.V2, BillIssued.class);
        register("com.premiumledger.billing.PaymentApplied.v1", PaymentApplied.class);
        register("com.premiumledger.billing.PaymentMissed.v1", PaymentMissed.class);
        register("com.premiumledger.billing.DayClosed.v1", DayClosed.class);
        register("com.premiumledger.billing.CreditApplied.v1", CreditApplied.class);
        register("com.premiumledger.billing.PaymentReversalApplied.v1", PaymentReversalApplied.class);
        register("com.premiumledger.billing.CreditRefunded.v1", CreditRefunded.class);
        register("com.premiumledger.billing.RefundRejected.v1", RefundRejected.class);
        register("com.premiumledger.billing.AutopayEnrolled.v1", AutopayEnrolled.class);
        register("com.premiumledger.billing.AutopayCancelled.v1", AutopayCancelled.class);
        register("com.premiumledger.billing.AutopayFailed.v1", AutopayFailed.class);
        register("com.premiumledger.payments.PaymentRecorded.v1", PaymentRecorded.class);
        register("com.premiumledger.payments.UnappliedPaymentReceived.v1", UnappliedPaymentReceived.class);
        register("com.premiumledger.payments.PaymentAssigned.v1", PaymentAssigned.class);
        register("com.premiumledger.payments.PaymentReversed.v1", PaymentReversed.class);
        register("com.premiumledger.payments.RefundRequested.v1", RefundRequested.class);
        register("com.premiumledger.payments.RefundReleased.v1", RefundReleased.class);
        register(CoverageStatusChangedV1ToV2.V2, CoverageStatusChanged.class);
        register("com.premiumledger.coverage.CoveragePaidThroughChanged.v1", CoveragePaidThroughChanged.class);
        register("com.premiumledger.notices.NoticeIssued.v1", NoticeIssued.class);
    }

    private EventTypes() {
    }

    private static void register(String type, Class<? extends LedgerEvent> eventClass) {
        CLASS_BY_TYPE.put(type, eventClass);
        TYPE_BY_CLASS.put(eventClass, type);
    }

    public static String typeOf(Class<?> eventClass) {
        String type = TYPE_BY_CLASS.get(eventClass);
        if (type == null) {
            throw new IllegalArgumentException("not a registered event type: " + eventClass.getName());
        }
        return type;
    }

    public static Optional<Class<? extends LedgerEvent>> classOf(String type) {
        return Optional.ofNullable(CLASS_BY_TYPE.get(type));
    }

    public static boolean isRegistered(Class<?> eventClass) {
        return TYPE_BY_CLASS.containsKey(eventClass);
    }

    /** Every registered type name, in registration order. */
    public static Iterable<String> all() {
        return CLASS_BY_TYPE.keySet();
    }

    /** "com.premiumledger.billing.BillIssued.v1" becomes "BillIssued". */
    public static String simpleName(String type) {
        String[] parts = type.split("\\.");
        return parts.length >= 2 ? parts[parts.length - 2] : type;
    }
}
