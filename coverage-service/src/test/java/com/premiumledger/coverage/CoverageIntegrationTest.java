package com.premiumledger.coverage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.premiumledger.platform.testing.TestEvents;
import com.premiumledger.events.AccountOpened;
import com.premiumledger.events.BillAllocation;
import com.premiumledger.events.BillIssued;
import com.premiumledger.events.CloudEventsCodec;
import com.premiumledger.events.CoverageStatusChanged;
import com.premiumledger.events.EventEnvelope;
import com.premiumledger.events.EventTypes;
import com.premiumledger.events.PaymentApplied;
import com.premiumledger.events.PaymentMissed;
import com.premiumledger.events.Topics;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

@CoverageServiceTest
class CoverageIntegrationTest {

    static final String BILLING_GROUP = CoverageServiceApplication.NAME + ".events";
    static final Duration WAIT = Duration.ofSeconds(30);
    static final LocalDate START = LocalDate.of(2027, 1, 1);

    static TestEvents events;

    @Autowired
    TestRestTemplate rest;

    @BeforeAll
    static void connect(@Autowired Environment environment) {
        events = new TestEvents(environment.getRequiredProperty("spring.kafka.bootstrap-servers"));
    }

    @AfterAll
    static void disconnect() {
        events.close();
    }

    TestRestTemplate auditor() {
        return rest.withBasicAuth("auditor", "auditor-local-only");
    }

    ResponseEntity<JsonNode> coverage(String accountId) {
        return auditor().getForEntity("/accounts/{id}/coverage", JsonNode.class, accountId);
    }

    String statusOf(String accountId) {
        ResponseEntity<JsonNode> response = coverage(accountId);
        return response.getStatusCode() == HttpStatus.OK ? response.getBody().get("status").asText() : null;
    }

    List<String> accountsIn(String status) {
        JsonNode page = auditor().getForEntity("/coverage?status={status}&size=200", JsonNode.class, status)
                .getBody();
        List<String> ids = new ArrayList<>();
        page.get("accountIds").forEach(id -> ids.add(id.asText()));
        return ids;
    }

    static EventEnvelope opened(String accountId) {
        return TestEvents.envelope(accountId, 0, new AccountOpened(accountId, "Ada Member", "APTC", START, "en",
                null, "service"));
    }

    static EventEnvelope bill(String accountId, long sequence, String month, LocalDate dueDate) {
        return TestEvents.envelope(accountId, sequence, new BillIssued(accountId, accountId + ":" + month, month,
                dueDate, 50_000, 30_000, 20_000, LocalDate.of(2026, 12, 1), "service"));
    }

    static EventEnvelope paid(String accountId, long sequence, String month, LocalDate received, long openAfter) {
        return TestEvents.envelope(accountId, sequence, new PaymentApplied(accountId, "P-" + UUID.randomUUID(),
                20_000, received, List.of(new BillAllocation(accountId + ":" + month, 20_000, 0)), 0, openAfter));
    }

    @Test
    void billingEventsDriveCoverageThroughBinderGraceAndReinstatement() throws Exception {
        String accountId = "C-" + UUID.randomUUID();
        EventEnvelope opened = opened(accountId);
        EventEnvelope bill1 = bill(accountId, 1, "2027-01", LocalDate.of(2026, 12, 23));
        EventEnvelope binder = paid(accountId, 2, "2027-01", LocalDate.of(2026, 12, 20), 0);
        EventEnvelope bill2 = bill(accountId, 3, "2027-02", LocalDate.of(2027, 1, 23));
        EventEnvelope missed = TestEvents.envelope(accountId, 4, new PaymentMissed(accountId, accountId + ":2027-02",
                "2027-02", LocalDate.of(2027, 1, 23), 20_000, LocalDate.of(2027, 1, 24), "calendar"));
        EventEnvelope reinstating = paid(accountId, 5, "2027-02", LocalDate.of(2027, 2, 1), 0);

        List.of(opened, bill1, binder).forEach(envelope -> events.send(Topics.BILLING, envelope));
        await().atMost(WAIT).until(() -> "ACTIVE".equals(statusOf(accountId)));
        assertThat(coverage(accountId).getBody().get("since").asText()).isEqualTo("2027-01-01");

        List.of(bill2, missed).forEach(envelope -> events.send(Topics.BILLING, envelope));
        await().atMost(WAIT).until(() -> "GRACE".equals(statusOf(accountId)));
        assertThat(accountsIn("GRACE")).contains(accountId);
        assertThat(accountsIn("ACTIVE")).doesNotContain(accountId);

        events.send(Topics.BILLING, reinstating);
        await().atMost(WAIT).until(() -> "ACTIVE".equals(statusOf(accountId)));
        JsonNode view = coverage(accountId).getBody();
        assertThat(view.get("accountId").asText()).isEqualTo(accountId);
        assertThat(view.get("since").asText()).isEqualTo("2027-02-01");
        assertHistory(view.get("history"), opened, binder, missed, reinstating);
        assertThat(accountsIn("ACTIVE")).contains(accountId);
        assertThat(accountsIn("GRACE")).doesNotContain(accountId);
        assertThat(accountsIn("PENDING_PAYMENT")).doesNotContain(accountId);
        assertPublished(accountId, view.get("history"));

        RecordMetadata last = null;
        for (EventEnvelope envelope : List.of(opened, binder, missed, reinstating)) {
            last = events.send(Topics.BILLING, envelope);
        }
        RecordMetadata redelivered = last;
        await().atMost(WAIT).until(() -> events.consumedPast(BILLING_GROUP, redelivered));
        await().during(Duration.ofMillis(500)).atMost(WAIT).untilAsserted(() -> {
            assertThat(coverage(accountId).getBody()).isEqualTo(view);
            assertThat(events.readAll(Topics.COVERAGE, accountId)).hasSize(4);
        });
    }

    private static void assertHistory(JsonNode history, EventEnvelope opened, EventEnvelope binder,
                                      EventEnvelope missed, EventEnvelope reinstating) {
        assertThat(history).hasSize(4);
        assertEntry(history.get(0), null, "PENDING_PAYMENT", "ENROLLED", "2027-01-01", opened);
        assertEntry(history.get(1), "PENDING_PAYMENT", "ACTIVE", "BINDER_PAID", "2027-01-01", binder);
        assertEntry(history.get(2), "ACTIVE", "GRACE", "PAYMENT_MISSED", "2027-01-24", missed);
        assertEntry(history.get(3), "GRACE", "ACTIVE", "PAID_IN_FULL", "2027-02-01", reinstating);
    }

    private static void assertEntry(JsonNode entry, String from, String to, String reason, String effective,
                                    EventEnvelope cause) {
        if (from == null) {
            assertThat(entry.get("fromStatus").isNull()).isTrue();
        } else {
            assertThat(entry.get("fromStatus").asText()).isEqualTo(from);
        }
        assertThat(entry.get("toStatus").asText()).isEqualTo(to);
        assertThat(entry.get("reason").asText()).isEqualTo(reason);
        assertThat(entry.get("effectiveDate").asText()).isEqualTo(effective);
        assertThat(entry.get("causeEventId").asText()).isEqualTo(cause.eventId());
        assertThat(entry.get("eventId").asText()).isNotBlank();
        assertThat(entry.get("topic").asText()).isEqualTo(Topics.COVERAGE);
        assertThat(entry.get("partition").asInt()).isNotNegative();
        assertThat(entry.get("offset").asLong()).isNotNegative();
    }

    /** Each history entry is a CoverageStatusChanged record on the coverage topic, with its CloudEvents headers. */
    private static void assertPublished(String accountId, JsonNode history) {
        List<ConsumerRecord<String, byte[]>> records = events.readAll(Topics.COVERAGE, accountId);
        assertThat(records).hasSize(4);
        for (int i = 0; i < records.size(); i++) {
            ConsumerRecord<String, byte[]> record = records.get(i);
            JsonNode entry = history.get(i);
            assertThat(header(record, "ce_id")).isEqualTo(entry.get("eventId").asText());
            assertThat(header(record, "ce_type")).isEqualTo(EventTypes.typeOf(CoverageStatusChanged.class));
            assertThat(header(record, "ce_source")).isEqualTo("/premium-ledger/coverage-service");
            assertThat(header(record, "ce_subject")).isEqualTo(accountId);
            assertThat(header(record, "ce_specversion")).isEqualTo("1.0");
            assertThat(header(record, "ce_time")).isNotBlank();
            assertThat(header(record, "ce_sequence")).isEqualTo(Integer.toString(i));
            assertThat(record.offset()).isEqualTo(entry.get("offset").asLong());
            CoverageStatusChanged changed = CloudEventsCodec.fromRecord(record).payloadAs(CoverageStatusChanged.class);
            assertThat(changed.toStatus()).isEqualTo(entry.get("toStatus").asText());
            assertThat(changed.causeEventId()).isEqualTo(entry.get("causeEventId").asText());
        }
    }

    private static String header(ConsumerRecord<String, byte[]> record, String name) {
        return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
    }

    @Test
    void aMissedBinderLeavesCoveragePending() throws Exception {
        String accountId = "C-" + UUID.randomUUID();
        events.send(Topics.BILLING, opened(accountId));
        events.send(Topics.BILLING, bill(accountId, 1, "2027-01", LocalDate.of(2026, 12, 23)));
        RecordMetadata missed = events.send(Topics.BILLING, TestEvents.envelope(accountId, 2, new PaymentMissed(
                accountId, accountId + ":2027-01", "2027-01", LocalDate.of(2026, 12, 23), 20_000,
                LocalDate.of(2026, 12, 24), "calendar")));
        await().atMost(WAIT).until(() -> events.consumedPast(BILLING_GROUP, missed));
        await().atMost(WAIT).until(() -> "PENDING_PAYMENT".equals(statusOf(accountId)));
        assertThat(coverage(accountId).getBody().get("history")).hasSize(1);
    }

    @Test
    void withoutCredentialsIs401AndTheWrongRoleIs403() {
        assertProblem(rest.getForEntity("/accounts/{id}/coverage", JsonNode.class, "A-1"),
                HttpStatus.UNAUTHORIZED, "unauthenticated");
        assertProblem(rest.withBasicAuth("auditor", "wrong").getForEntity("/coverage?status=ACTIVE", JsonNode.class),
                HttpStatus.UNAUTHORIZED, "unauthenticated");
        assertProblem(rest.withBasicAuth("outsider", "outsider-test-only")
                .getForEntity("/accounts/{id}/coverage", JsonNode.class, "A-1"), HttpStatus.FORBIDDEN, "forbidden");
        assertProblem(rest.withBasicAuth("outsider", "outsider-test-only")
                .getForEntity("/coverage?status=ACTIVE", JsonNode.class), HttpStatus.FORBIDDEN, "forbidden");
    }

    @Test
    void everyReaderRoleMayRead() {
        for (String user : List.of("service", "operator", "auditor")) {
            ResponseEntity<JsonNode> response = rest.withBasicAuth(user, user + "-local-only")
                    .getForEntity("/coverage?status=GRACE&page=0&size=5", JsonNode.class);
            assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
            assertThat(response.getBody().get("status").asText()).isEqualTo("GRACE");
            assertThat(response.getBody().get("page").asInt()).isZero();
            assertThat(response.getBody().get("size").asInt()).isEqualTo(5);
            assertThat(response.getBody().get("total").asLong()).isNotNegative();
            assertThat(response.getBody().get("accountIds").isArray()).isTrue();
        }
    }

    @Test
    void unknownAccountsAre404AndBadQueriesAre400() {
        assertProblem(coverage("NOPE-" + UUID.randomUUID()), HttpStatus.NOT_FOUND, "coverage-not-found");
        assertProblem(coverage("X".repeat(101)), HttpStatus.BAD_REQUEST, "invalid-id");
        assertProblem(auditor().getForEntity("/coverage?status=LAPSED", JsonNode.class),
                HttpStatus.BAD_REQUEST, "unknown-status");
        assertProblem(auditor().getForEntity("/coverage?status=active", JsonNode.class),
                HttpStatus.BAD_REQUEST, "unknown-status");
        assertProblem(auditor().getForEntity("/coverage?status=ACTIVE&size=201", JsonNode.class),
                HttpStatus.BAD_REQUEST, "page-size");
        assertProblem(auditor().getForEntity("/coverage?status=ACTIVE&size=0", JsonNode.class),
                HttpStatus.BAD_REQUEST, "page-size");
        assertProblem(auditor().getForEntity("/coverage?status=ACTIVE&page=-1", JsonNode.class),
                HttpStatus.BAD_REQUEST, "page");
        assertProblem(auditor().getForEntity("/coverage?status=ACTIVE&size=x", JsonNode.class),
                HttpStatus.BAD_REQUEST, "validation");
        assertProblem(auditor().getForEntity("/coverage", JsonNode.class), HttpStatus.BAD_REQUEST, "missing-status");
    }

    @Test
    void theApiIsDocumented() {
        ResponseEntity<JsonNode> docs = auditor().getForEntity("/v3/api-docs", JsonNode.class);
        assertThat(docs.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(docs.getBody().get("paths").has("/accounts/{accountId}/coverage")).isTrue();
        assertThat(docs.getBody().get("paths").has("/coverage")).isTrue();
    }

    static void assertProblem(ResponseEntity<JsonNode> response, HttpStatus status, String slug) {
        assertThat(response.getStatusCode()).isEqualTo(status);
        assertThat(response.getHeaders().getContentType()).isNotNull();
        assertThat(response.getHeaders().getContentType().isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .isTrue();
        assertThat(response.getBody().get("type").asText())
                .isEqualTo("https://premium-ledger.example/problems/" + slug);
        assertThat(response.getBody().get("status").asInt()).isEqualTo(status.value());
    }
}
