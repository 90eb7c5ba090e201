package com.premiumledger.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Compatibility guard: one payload per type, written by hand once under src/test/resources/golden and never
 * regenerated. Each must still read to the same record, still validate against its schema, and still be
 * what EventJson writes for that record. If one of these fails, a published contract changed: add a new
 * type version and an upcaster instead of editing the golden file.
 */
class GoldenPayloadTest {

    private static final Map<String, LedgerEvent> EXPECTED = Map.ofEntries(
            Map.entry("com.premiumledger.billing.AccountOpened.v2",
                    new AccountOpened("A100000008", "Jos\u00e9 Ortega", "UNSUBSIDIZED", LocalDate.of(2027, 1, 1), "es",
                            null, "+16175550123", new MailingAddress("100 Tremont Street", "Apt 4B", "Boston", "MA",
                            "02108-1234"), "MAIL", "enrollment-feed")),
            Map.entry("com.premiumledger.billing.AutopayEnrolled.v1",
                    new AutopayEnrolled("A100000007", "ACH", "6789", "member-portal", LocalDate.of(2026, 12, 2))),
            Map.entry("com.premiumledger.billing.AutopayCancelled.v1",
                    new AutopayCancelled("A100000007", "member-portal", LocalDate.of(2027, 3, 4))),
            Map.entry("com.premiumledger.billing.AutopayFailed.v1",
                    new AutopayFailed("A100000007", "A100000007-2027-02", 12_334, "NSF", "autopay-runner")),
            Map.entry("com.premiumledger.billing.BillIssued.v2",
                    new BillIssued("A100000007", "A100000007-2026-12", "2026-12", LocalDate.of(2026, 11, 23),
                            61_234, 48_900, 12_334, LocalDate.of(2026, 11, 2), "billing-scheduler")),
            Map.entry("com.premiumledger.billing.PaymentApplied.v1",
                    new PaymentApplied("A100000007", "P-20261120-0001", 30_000, LocalDate.of(2026, 11, 20), List.of(
                            new BillAllocation("A100000007-2026-11", 12_334, 0),
                            new BillAllocation("A100000007-2026-12", 12_334, 0)), 5_332, 0)),
            Map.entry("com.premiumledger.billing.PaymentMissed.v1",
                    new PaymentMissed("A100000007", "A100000007-2027-01", "2027-01", LocalDate.of(2026, 12, 23),
                            7_002, LocalDate.of(2026, 12, 24), "calendar")),
            Map.entry("com.premiumledger.billing.DayClosed.v1",
                    new DayClosed(LocalDate.of(2026, 12, 24), LocalDate.of(2026, 12, 23), "scheduler")),
            Map.entry("com.premiumledger.billing.CreditApplied.v1",
                    new CreditApplied("A100000007", "A100000007-2027-01", 5_332, 7_002, 0, 7_002)),
            Map.entry("com.premiumledger.billing.PaymentReversalApplied.v1",
                    new PaymentReversalApplied("A100000007", "P-20261203-0007", 15_000, "RETURNED_CHECK",
                            LocalDate.of(2026, 12, 18),
                            List.of(new BillAllocation("A100000007-2027-01", 12_334, 12_334)), 2_666, 12_334)),
            Map.entry("com.premiumledger.billing.CreditRefunded.v1",
                    new CreditRefunded("A100000007", "R-20270210-0001", "P-20270205-0003", 2_500, "CHECK",
                            LocalDate.of(2027, 2, 12), 0)),
            Map.entry("com.premiumledger.billing.RefundRejected.v1",
                    new RefundRejected("A100000007", "R-20270301-0002", "P-20270205-0003", 10_000, 2_500,
                            "requested amount exceeds the account credit")),
            Map.entry("com.premiumledger.payments.PaymentRecorded.v1",
                    new PaymentRecorded("P-20261120-0001", "A100000007", 30_000, "MONEY_ORDER", "MAIL",
                            LocalDate.of(2026, 11, 20), null, null, "MO-778812", "mailroom-2026-11-20-0001",
                            "mailroom-clerk-3")),
            Map.entry("com.premiumledger.payments.UnappliedPaymentReceived.v1",
                    new UnappliedPaymentReceived("P-20261203-0007", "A10000007", 15_000, "CHECK", "MAIL",
                            LocalDate.of(2026, 12, 3), null, null, "4417", "mailroom-2026-12-03-0007",
                            "mailroom-clerk-3")),
            Map.entry("com.premiumledger.payments.PaymentAssigned.v1",
                    new PaymentAssigned("P-20261203-0007", "A100000007", 15_000, "CHECK", "MAIL",
                            LocalDate.of(2026, 12, 3), "ops-lee",
                            "quoted account number is missing a digit; holder name matches")),
            Map.entry("com.premiumledger.payments.PaymentReversed.v1",
                    new PaymentReversed("P-20261203-0007", "A100000007", 15_000, "CHECK", "RETURNED_CHECK",
                            LocalDate.of(2026, 12, 18), "bank-returns-feed")),
            Map.entry("com.premiumledger.payments.RefundRequested.v1",
                    new RefundRequested("R-20270210-0001", "P-20270205-0003", "A100000007", 2_500, "CHECK",
                            LocalDate.of(2027, 2, 10), "member-portal")),
            Map.entry("com.premiumledger.payments.RefundReleased.v1",
                    new RefundReleased("R-20270301-0002", "P-20270205-0003", "A100000007", 10_000,
                            "insufficient-credit", "billing-decisions")),
            Map.entry("com.premiumledger.coverage.CoverageStatusChanged.v2",
                    new CoverageStatusChanged("A100000007", "APTC", "SUSPENDED", "TERMINATED", "GRACE_EXPIRED",
                            LocalDate.of(2027, 5, 1), LocalDate.of(2027, 2, 1), LocalDate.of(2027, 4, 30),
                            LocalDate.of(2027, 1, 31), LocalDate.of(2027, 2, 28),
                            "9d2f6b1e-4c3a-4e8f-b2d7-1a5c9e0f3b62")),
            Map.entry("com.premiumledger.coverage.CoveragePaidThroughChanged.v1",
                    new CoveragePaidThroughChanged("A100000007", "APTC", LocalDate.of(2027, 3, 31),
                            LocalDate.of(2027, 4, 30), LocalDate.of(2027, 3, 20),
                            "5c1d2e3f-4a5b-4c6d-8e7f-9a0b1c2d3e4f")),
            Map.entry("com.premiumledger.notices.NoticeIssued.v1",
                    new NoticeIssued("PAST_DUE_WARNING:A100000007-2027-01", "A100000007", "PAST_DUE_WARNING",
                            "LETTER", 7_002, LocalDate.of(2027, 1, 31), "0b7e4c1d-2a9f-4f61-8d0e-3c5b6a7d8e90")));

    /**
     * Golden payloads of older type versions: records on the log keep their old type forever, so each must
     * still validate against its own (kept) schema and read, through the upcasters, as this current record.
     */
    /**
     * When the old golden payloads are taken to have been recorded: late evening in Boston, already the next day
     * in UTC, so BillIssued v1 shows that its issued date is the UTC date of that instant.
     */
    private static final Instant OLD_RECORDED_AT = Instant.parse("2026-11-03T03:30:00Z");

    private static final Map<String, LedgerEvent> EXPECTED_FROM_OLD_VERSIONS = Map.of(
            "com.premiumledger.coverage.CoverageStatusChanged.v1",
            new CoverageStatusChanged("A100000007", null, "GRACE", "SUSPENDED", "grace month 1 ended unpaid",
                    LocalDate.of(2027, 2, 1), null, null, null, null, "5f0c9a52-7d3e-4b8e-9a31-0f6f2a1c9d44"),
            "com.premiumledger.billing.AccountOpened.v1",
            new AccountOpened("A100000007", "Maria Lopez", "APTC", LocalDate.of(2026, 11, 1), "es",
                    "maria.lopez@example.org", null, null, null, "enrollment-feed"),
            "com.premiumledger.billing.BillIssued.v1",
            new BillIssued("A100000007", "A100000007-2026-12", "2026-12", LocalDate.of(2026, 11, 23), 61_234, 48_900,
                    12_334, LocalDate.of(2026, 11, 3), "billing-scheduler"));

    static Stream<String> types() {
        return Samples.types().stream();
    }

    static Stream<String> oldTypes() {
        return EXPECTED_FROM_OLD_VERSIONS.keySet().stream();
    }

    private static byte[] golden(String type) throws IOException {
        try (InputStream in = GoldenPayloadTest.class.getResourceAsStream("/golden/" + type + ".json")) {
            assertThat(in).as("golden payload for " + type).isNotNull();
            return in.readAllBytes();
        }
    }

    @Test
    void everyRegisteredTypeHasAGoldenPayload() {
        assertThat(EXPECTED.keySet()).containsExactlyInAnyOrderElementsOf(Samples.types());
    }

    @ParameterizedTest
    @MethodSource("types")
    void goldenPayloadStillReadsToTheSameRecord(String type) throws IOException {
        assertThat(EventJson.read(type, golden(type))).isEqualTo(EXPECTED.get(type));
    }

    @ParameterizedTest
    @MethodSource("types")
    void goldenPayloadStillValidatesAgainstItsSchema(String type) throws IOException {
        JsonNode payload = EventJson.mapper().readTree(golden(type));
        assertThat(Schemas.validate(type, payload)).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("oldTypes")
    void anOldVersionGoldenPayloadStillValidatesAndReadsAsTheCurrentRecord(String type) throws IOException {
        assertThat(EventTypes.classOf(type)).as(type + " is no longer a registered type").isEmpty();
        JsonNode payload = EventJson.mapper().readTree(golden(type));
        assertThat(Schemas.validate(type, payload)).isEmpty();
        LedgerEvent current = EventJson.read(type, golden(type), OLD_RECORDED_AT);
        assertThat(current).isEqualTo(EXPECTED_FROM_OLD_VERSIONS.get(type));
        // What the upcaster produced is a valid payload of the current version.
        assertThat(Schemas.validate(EventJson.currentType(type), Schemas.json(current))).isEmpty();
    }

    @Test
    void anUpcastV1TerminationTookEffectOnItsEffectiveDate() throws IOException {
        ObjectNode v1 = (ObjectNode) EventJson.mapper().readTree(
                golden("com.premiumledger.coverage.CoverageStatusChanged.v1"));
        v1.put("fromStatus", "SUSPENDED").put("toStatus", "TERMINATED").put("effectiveDate", "2027-02-28");
        CoverageStatusChanged read = (CoverageStatusChanged) EventJson.read(
                "com.premiumledger.coverage.CoverageStatusChanged.v1", EventJson.mapper().writeValueAsBytes(v1));
        assertThat(read.terminationEffectiveDate()).isEqualTo(LocalDate.of(2027, 2, 28));
        assertThat(read.graceStart()).isNull();
        assertThat(read.program()).isNull();
    }

    @Test
    void anUpcastV1BillIsIssuedOnTheUtcDateItWasRecordedAndNeedsThatInstant() throws IOException {
        String v1 = "com.premiumledger.billing.BillIssued.v1";
        BillIssued morning = (BillIssued) EventJson.read(v1, golden(v1), Instant.parse("2026-11-02T00:00:00Z"));
        BillIssued evening = (BillIssued) EventJson.read(v1, golden(v1), Instant.parse("2026-11-02T23:59:59.999Z"));
        assertThat(morning.issuedDate()).isEqualTo(LocalDate.of(2026, 11, 2));
        assertThat(evening.issuedDate()).isEqualTo(LocalDate.of(2026, 11, 2));
        assertThat(morning).isEqualTo(evening);
        assertThatThrownBy(() -> EventJson.read(v1, golden(v1)))
                .isInstanceOf(EnvelopeException.class).hasMessageContaining("recorded");
    }

    @ParameterizedTest
    @MethodSource("types")
    void theRecordIsStillWrittenAsTheGoldenPayload(String type) throws IOException {
        JsonNode written = Schemas.json(EXPECTED.get(type));
        assertThat(written).isEqualTo(EventJson.mapper().readTree(golden(type)));
    }
}
