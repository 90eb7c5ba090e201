package com.premiumledger.events;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Sample instances of every registered event type; each nullable field is null in one sample and set in
 * another. A type registered without samples fails the tests.
 */
final class Samples {

    private Samples() {
    }

    static final Map<Class<? extends LedgerEvent>, List<LedgerEvent>> BY_CLASS = new LinkedHashMap<>();

    static {
        BY_CLASS.put(AccountOpened.class, List.of(
                new AccountOpened("A000000001", "Ana Silva", "APTC", LocalDate.of(2027, 1, 1), "en",
                        "ana@example.org", "operator-1"),
                new AccountOpened("A000000002", "Bo Member", "UNSUBSIDIZED", LocalDate.of(2027, 3, 1), "es", null,
                        "+16175550123", new MailingAddress("1 Main St", "Unit 2", "Springfield", "MA", "01103"),
                        "MAIL", "service"),
                new AccountOpened("A000000003", "Cy Member", "APTC", LocalDate.of(2027, 3, 1), "en",
                        "cy@example.org", "+16175550199", new MailingAddress("9 Elm St", null, "Worcester", "MA",
                        "01608-0001"), "SMS", "service")));
        BY_CLASS.put(BillIssued.class, List.of(
                new BillIssued("A000000001", "A000000001-2027-01", "2027-01", LocalDate.of(2026, 12, 23), 50_000,
                        30_000, 20_000, LocalDate.of(2026, 12, 1), "service"),
                new BillIssued("A000000002", "A000000002-2027-03", "2027-03", LocalDate.of(2027, 2, 23), 41_250, 0,
                        41_250, LocalDate.of(2027, 3, 2), "operator-1")));
        BY_CLASS.put(PaymentApplied.class, List.of(
                new PaymentApplied("A000000001", "P-1", 30_000, LocalDate.of(2026, 12, 20), List.of(
                        new BillAllocation("A000000001-2027-01", 20_000, 0),
                        new BillAllocation("A000000001-2027-02", 10_000, 10_000)), 0, 10_000),
                new PaymentApplied("A000000001", "P-2", 7_500, LocalDate.of(2027, 1, 2), List.of(), 7_500, 0)));
        BY_CLASS.put(PaymentMissed.class, List.of(
                new PaymentMissed("A000000001", "A000000001-2027-02", "2027-02", LocalDate.of(2027, 1, 23), 15_000,
                        LocalDate.of(2027, 1, 24), "calendar")));
        BY_CLASS.put(DayClosed.class, List.of(
                new DayClosed(LocalDate.of(2027, 1, 24), LocalDate.of(2027, 1, 23), "scheduler"),
                new DayClosed(LocalDate.of(2027, 1, 1), null, "operator-1")));
        BY_CLASS.put(CreditApplied.class, List.of(
                new CreditApplied("A000000001", "A000000001-2027-02", 7_500, 12_500, 0, 12_500),
                new CreditApplied("A000000002", "A000000002-2027-03", 41_250, 0, 8_750, 0)));
        BY_CLASS.put(PaymentReversalApplied.class, List.of(
                new PaymentReversalApplied("A000000001", "P-2", 15_000, "RETURNED_CHECK", LocalDate.of(2027, 1, 20),
                        List.of(new BillAllocation("A000000001-2027-01", 5_000, 5_000),
                                new BillAllocation("A000000001-2027-02", 8_000, 15_000)), 2_000, 20_000),
                new PaymentReversalApplied("A000000002", "P-3", 9_900, "NSF", LocalDate.of(2027, 1, 12), List.of(),
                        9_900, 0)));
        BY_CLASS.put(CreditRefunded.class, List.of(
                new CreditRefunded("A000000002", "R-1", "P-3", 5_000, "ACH", LocalDate.of(2027, 1, 15), 4_900)));
        BY_CLASS.put(RefundRejected.class, List.of(
                new RefundRejected("A000000002", "R-2", "P-3", 20_000, 4_900, "refund exceeds account credit")));
        BY_CLASS.put(AutopayEnrolled.class, List.of(
                new AutopayEnrolled("A000000001", "ACH", "6789", "service", LocalDate.of(2027, 1, 2)),
                new AutopayEnrolled("A000000002", "CARD", "4242", "operator-1", null)));
        BY_CLASS.put(AutopayCancelled.class, List.of(
                new AutopayCancelled("A000000001", "service", LocalDate.of(2027, 2, 2)),
                new AutopayCancelled("A000000002", "operator-1", null)));
        BY_CLASS.put(AutopayFailed.class, List.of(
                new AutopayFailed("A000000001", "A000000001-2027-02", 20_000, "NSF", "autopay-runner")));
        BY_CLASS.put(PaymentRecorded.class, List.of(
                new PaymentRecorded("P-1", "A000000001", 20_000, "CARD", "ONLINE", LocalDate.of(2027, 1, 5), "VISA",
                        "4242", null, "key-1", "service"),
                new PaymentRecorded("P-2", "A000000001", 15_000, "CHECK", "MAIL", LocalDate.of(2027, 1, 6), null,
                        null, "1042", "key-2", "operator-1"),
                new PaymentRecorded("P-3", "A000000002", 9_900, "ACH", "AUTOPAY", LocalDate.of(2027, 1, 7), null,
                        "6789", null, null, "autopay")));
        BY_CLASS.put(UnappliedPaymentReceived.class, List.of(
                new UnappliedPaymentReceived("P-4", "A00000009X", 12_000, "CHECK", "MAIL", LocalDate.of(2027, 1, 8),
                        null, null, "2210", "key-4", "mailroom-clerk-1"),
                new UnappliedPaymentReceived("P-5", "A999999999", 6_500, "CARD", "PHONE", LocalDate.of(2027, 1, 9),
                        "MASTERCARD", "5454", null, "key-5", "operator-1")));
        BY_CLASS.put(PaymentAssigned.class, List.of(
                new PaymentAssigned("P-4", "A000000001", 12_000, "CHECK", "MAIL", LocalDate.of(2027, 1, 8),
                        "operator-1", "account number transposed on the check"),
                new PaymentAssigned("P-5", "A000000002", 6_500, "CARD", "PHONE", LocalDate.of(2027, 1, 9),
                        "operator-2", null)));
        BY_CLASS.put(PaymentReversed.class, List.of(
                new PaymentReversed("P-2", "A000000001", 15_000, "CHECK", "RETURNED_CHECK", LocalDate.of(2027, 1, 20),
                        "operator-1"),
                new PaymentReversed("P-5", null, 6_500, "CARD", "CHARGEBACK", LocalDate.of(2027, 1, 21), "service")));
        BY_CLASS.put(RefundRequested.class, List.of(
                new RefundRequested("R-1", "P-3", "A000000002", 5_000, "ACH", LocalDate.of(2027, 1, 14),
                        "operator-1")));
        BY_CLASS.put(RefundReleased.class, List.of(
                new RefundReleased("R-2", "P-3", "A000000002", 20_000, "insufficient-credit", "billing-decisions")));
        BY_CLASS.put(CoverageStatusChanged.class, List.of(
                new CoverageStatusChanged("A000000001", null, null, "PENDING_PAYMENT", "ENROLLED",
                        LocalDate.of(2027, 1, 1), null, null, null, null, "evt-1"),
                new CoverageStatusChanged("A000000001", "APTC", "ACTIVE", "GRACE", "PAYMENT_MISSED",
                        LocalDate.of(2027, 1, 24), LocalDate.of(2027, 2, 1), LocalDate.of(2027, 4, 30),
                        LocalDate.of(2027, 1, 31), null, "evt-2"),
                new CoverageStatusChanged("A000000001", "APTC", "SUSPENDED", "TERMINATED", "GRACE_EXPIRED",
                        LocalDate.of(2027, 5, 1), LocalDate.of(2027, 2, 1), LocalDate.of(2027, 4, 30),
                        LocalDate.of(2027, 1, 31), LocalDate.of(2027, 2, 28), "evt-3")));
        BY_CLASS.put(CoveragePaidThroughChanged.class, List.of(
                new CoveragePaidThroughChanged("A000000001", "APTC", LocalDate.of(2027, 1, 31),
                        LocalDate.of(2027, 2, 28), LocalDate.of(2027, 1, 20), "evt-4"),
                new CoveragePaidThroughChanged("A000000001", "APTC", LocalDate.of(2027, 2, 28), null,
                        LocalDate.of(2027, 2, 3), "evt-5"),
                new CoveragePaidThroughChanged("A000000002", "UNSUBSIDIZED", null, LocalDate.of(2027, 1, 31),
                        LocalDate.of(2027, 1, 5), "evt-6")));
        BY_CLASS.put(NoticeIssued.class, List.of(
                new NoticeIssued("BILL_READY:A000000001-2027-01", "A000000001", "BILL_READY", "EMAIL", 20_000,
                        LocalDate.of(2026, 12, 23), "evt-3"),
                new NoticeIssued("PAYMENT_RECEIVED:P-1", "A000000001", "PAYMENT_RECEIVED", "LETTER", 20_000, null,
                        "evt-4")));
    }

    /** The samples of a registered type name; fails when the type has none. */
    static List<LedgerEvent> of(String type) {
        Class<? extends LedgerEvent> eventClass = EventTypes.classOf(type).orElseThrow();
        List<LedgerEvent> samples = BY_CLASS.get(eventClass);
        if (samples == null || samples.isEmpty()) {
            throw new AssertionError("no sample instance for " + type + "; add one to Samples");
        }
        return samples;
    }

    /** Every registered type name. */
    static List<String> types() {
        java.util.ArrayList<String> types = new java.util.ArrayList<>();
        EventTypes.all().forEach(types::add);
        return types;
    }

    /** The topic a type is published on, from the producing service in its name. */
    static String topicOf(String type) {
        String service = type.split("\\.")[2];
        return switch (service) {
            case "billing" -> Topics.BILLING;
            case "payments" -> Topics.PAYMENTS;
            case "coverage" -> Topics.COVERAGE;
            case "notices" -> Topics.NOTICES;
            default -> throw new AssertionError("no topic for " + type);
        };
    }
}
