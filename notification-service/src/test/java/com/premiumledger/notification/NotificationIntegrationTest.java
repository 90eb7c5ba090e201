package com.premiumledger.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.premiumledger.platform.testing.TestEvents;
import com.premiumledger.events.AccountOpened;
import com.premiumledger.events.BillIssued;
import com.premiumledger.events.CloudEventsCodec;
import com.premiumledger.events.CoverageStatusChanged;
import com.premiumledger.events.EventEnvelope;
import com.premiumledger.events.NoticeIssued;
import com.premiumledger.events.PaymentMissed;
import com.premiumledger.events.PaymentRecorded;
import com.premiumledger.events.Topics;
import com.premiumledger.notification.testing.TestSmtp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

@NotificationServiceTest
class NotificationIntegrationTest {

    static final String BILLING_GROUP = NotificationServiceApplication.NAME + ".events";
    static final String PAYMENT_GROUP = NotificationServiceApplication.NAME + ".events";
    static final String COVERAGE_GROUP = NotificationServiceApplication.NAME + ".events";
    static final Duration WAIT = Duration.ofSeconds(30);

    static TestEvents events;

    @Autowired
    TestRestTemplate rest;

    @BeforeAll
    static void connect(@Autowired org.springframework.core.env.Environment environment) {
        events = new TestEvents(environment.getRequiredProperty("spring.kafka.bootstrap-servers"));
    }

    @AfterAll
    static void disconnect() {
        events.close();
    }

    TestRestTemplate auditor() {
        return rest.withBasicAuth("auditor", "auditor-local-only");
    }

    ResponseEntity<JsonNode> notices(String accountId) {
        return auditor().getForEntity("/accounts/{id}/notices", JsonNode.class, accountId);
    }

    List<JsonNode> noticeList(String accountId) {
        ResponseEntity<JsonNode> response = notices(accountId);
        if (response.getStatusCode() != HttpStatus.OK) {
            return List.of();
        }
        List<JsonNode> list = new ArrayList<>();
        response.getBody().get("notices").forEach(list::add);
        return list;
    }

    static JsonNode ofType(List<JsonNode> notices, String type) {
        return notices.stream().filter(notice -> notice.get("type").asText().equals(type)).findFirst().orElseThrow();
    }

    static EventEnvelope copyWithNewId(EventEnvelope envelope) {
        return new EventEnvelope(UUID.randomUUID().toString(), envelope.type(), envelope.source(), envelope.subject(),
                Instant.now(), envelope.aggregateId(), envelope.sequence(), null, null, envelope.payload());
    }

    @Test
    void exactlyOneNoticePerTriggerWhateverIsRedelivered() throws Exception {
        String accountId = "N-" + UUID.randomUUID();
        String email = "ada-" + accountId.toLowerCase() + "@example.org";
        String billId = accountId + ":2027-02";
        String paymentId = "P-" + UUID.randomUUID();
        EventEnvelope opened = TestEvents.envelope(accountId, 0, new AccountOpened(accountId, "Ada Member", "APTC",
                LocalDate.of(2027, 1, 1), "en", email, "service"));
        EventEnvelope bill = TestEvents.envelope(accountId, 1, new BillIssued(accountId, billId, "2027-02",
                LocalDate.of(2027, 1, 23), 50_000, 30_000, 20_000, LocalDate.of(2026, 12, 1), "service"));
        // Billing's own record of the miss: the past-due warning follows coverage's grace, not this.
        EventEnvelope missed = TestEvents.envelope(accountId, 2, new PaymentMissed(accountId, billId, "2027-02",
                LocalDate.of(2027, 1, 23), 20_000, LocalDate.of(2027, 1, 24), "calendar"));
        EventEnvelope grace = TestEvents.envelope(accountId, 0, new CoverageStatusChanged(accountId, "APTC", "ACTIVE",
                "GRACE", "PAYMENT_MISSED", LocalDate.of(2027, 1, 24), LocalDate.of(2027, 2, 1),
                LocalDate.of(2027, 4, 30), LocalDate.of(2027, 1, 31), null, "cause-" + accountId));
        EventEnvelope payment = TestEvents.envelope(paymentId, 0, new PaymentRecorded(paymentId, accountId, 15_000,
                "ACH", "ONLINE", LocalDate.of(2027, 1, 25), null, "6789", null, "key-" + paymentId, "service"));

        List<EventEnvelope> billing = List.of(opened, bill, missed);
        billing.forEach(envelope -> events.send(Topics.BILLING, envelope));
        // Coverage and payments follow the account, so the member's email is known when their notices are addressed.
        await().atMost(WAIT).until(() -> noticeList(accountId).size() == 1);
        events.send(Topics.COVERAGE, grace);
        await().atMost(WAIT).until(() -> noticeList(accountId).size() == 2);
        events.send(Topics.PAYMENTS, payment);
        await().atMost(WAIT).until(() -> noticeList(accountId).size() == 3);
        await().atMost(WAIT).until(() -> noticeList(accountId).stream()
                .allMatch(notice -> notice.get("status").asText().equals("SENT")));

        List<JsonNode> notices = noticeList(accountId);
        assertFirstNotices(notices, accountId, billId, paymentId, bill, grace, payment);
        assertThat(TestSmtp.messagesTo(email)).hasSize(3);

        RecordMetadata lastBilling = null;
        for (EventEnvelope envelope : billing) {
            lastBilling = events.send(Topics.BILLING, envelope);
        }
        RecordMetadata lastCoverage = events.send(Topics.COVERAGE, copyWithNewId(grace));
        events.send(Topics.PAYMENTS, payment);
        RecordMetadata lastPayment = events.send(Topics.PAYMENTS, copyWithNewId(payment));
        RecordMetadata billingMark = lastBilling;
        await().atMost(WAIT).until(() -> events.consumedPast(BILLING_GROUP, billingMark)
                && events.consumedPast(PAYMENT_GROUP, lastPayment) && events.consumedPast(COVERAGE_GROUP, lastCoverage));

        await().during(Duration.ofMillis(800)).atMost(WAIT).untilAsserted(() -> {
            assertThat(events.readAll(Topics.NOTICES, accountId)).hasSize(3);
            assertThat(TestSmtp.messagesTo(email)).hasSize(3);
        });
        List<String> issuedIds = events.readAll(Topics.NOTICES, accountId).stream()
                .map(record -> CloudEventsCodec.fromRecord(record).payloadAs(NoticeIssued.class).noticeId())
                .toList();
        assertThat(issuedIds).containsExactlyInAnyOrder("BILL_READY:" + billId,
                "PAST_DUE_WARNING:" + accountId + ":2027-02-01", "PAYMENT_RECEIVED:" + paymentId);
        assertThat(noticeList(accountId)).isEqualTo(notices);
    }

    private static void assertFirstNotices(List<JsonNode> notices, String accountId, String billId, String paymentId,
                                           EventEnvelope bill, EventEnvelope grace, EventEnvelope payment) {
        assertThat(notices).extracting(notice -> notice.get("type").asText())
                .containsExactly("BILL_READY", "PAST_DUE_WARNING", "PAYMENT_RECEIVED");
        JsonNode billReady = ofType(notices, "BILL_READY");
        assertThat(billReady.get("noticeId").asText()).isEqualTo("BILL_READY:" + billId);
        assertThat(billReady.get("amountCents").asLong()).isEqualTo(20_000);
        assertThat(billReady.get("payByDate").asText()).isEqualTo("2027-01-23");
        assertThat(billReady.get("triggerEventId").asText()).isEqualTo(bill.eventId());
        JsonNode pastDue = ofType(notices, "PAST_DUE_WARNING");
        assertThat(pastDue.get("noticeId").asText()).isEqualTo("PAST_DUE_WARNING:" + accountId + ":2027-02-01");
        assertThat(pastDue.get("amountCents").asLong()).isEqualTo(20_000);
        assertThat(pastDue.get("payByDate").asText()).isEqualTo("2027-04-30");
        assertThat(pastDue.get("triggerEventId").asText()).isEqualTo(grace.eventId());
        JsonNode received = ofType(notices, "PAYMENT_RECEIVED");
        assertThat(received.get("noticeId").asText()).isEqualTo("PAYMENT_RECEIVED:" + paymentId);
        assertThat(received.get("amountCents").asLong()).isEqualTo(15_000);
        assertThat(received.get("payByDate").isNull()).isTrue();
        assertThat(received.get("triggerEventId").asText()).isEqualTo(payment.eventId());
        for (JsonNode notice : notices) {
            assertThat(notice.get("channel").asText()).isEqualTo("EMAIL");
            assertThat(notice.get("status").asText()).isEqualTo("SENT");
            assertThat(notice.get("attempts").asInt()).isEqualTo(1);
            assertThat(Instant.parse(notice.get("deliveredAt").asText()))
                    .isAfterOrEqualTo(Instant.parse(notice.get("createdAt").asText()));
        }
        List<Instant> createdAt = notices.stream().map(notice -> Instant.parse(notice.get("createdAt").asText()))
                .toList();
        assertThat(createdAt).isSorted();
    }

    @Test
    void aNoticeCanBeReadByIdAndPagesAreLimited() {
        String accountId = "N-" + UUID.randomUUID();
        for (int month = 1; month <= 3; month++) {
            events.send(Topics.BILLING, TestEvents.envelope(accountId, month - 1, new BillIssued(accountId,
                    accountId + ":2027-0" + month, "2027-0" + month, LocalDate.of(2027, month, 1), 1_000 * month, 0,
                    1_000 * month, LocalDate.of(2026, 12, 1), "service")));
        }
        // Wait for delivery too: a notice still PENDING between the two reads below would differ.
        await().atMost(WAIT).until(() -> {
            List<JsonNode> listed = noticeList(accountId);
            return listed.size() == 3 && listed.stream().allMatch(n -> "SENT".equals(n.get("status").asText()));
        });

        ResponseEntity<JsonNode> page = auditor().getForEntity("/accounts/{id}/notices?offset=1&limit=1",
                JsonNode.class, accountId);
        assertThat(page.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(page.getHeaders().getFirst("X-Total-Count")).isEqualTo("3");
        assertThat(page.getBody().get("accountId").asText()).isEqualTo(accountId);
        assertThat(page.getBody().get("notices")).hasSize(1);
        assertThat(page.getBody().get("notices").get(0)).isEqualTo(noticeList(accountId).get(1));

        String noticeId = "BILL_READY:" + accountId + ":2027-02";
        ResponseEntity<JsonNode> one = rest.withBasicAuth("operator", "operator-local-only")
                .getForEntity("/notices/{id}", JsonNode.class, noticeId);
        assertThat(one.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(one.getBody().get("noticeId").asText()).isEqualTo(noticeId);
        assertThat(one.getBody().get("amountCents").asLong()).isEqualTo(2_000);
        // No member was known for the account, so the notices go by letter.
        assertThat(one.getBody().get("channel").asText()).isEqualTo("LETTER");

        assertProblem(auditor().getForEntity("/accounts/{id}/notices?limit=501", JsonNode.class, accountId),
                HttpStatus.BAD_REQUEST, "page-size");
        assertProblem(auditor().getForEntity("/accounts/{id}/notices?limit=0", JsonNode.class, accountId),
                HttpStatus.BAD_REQUEST, "page-size");
        assertProblem(auditor().getForEntity("/accounts/{id}/notices?offset=-1", JsonNode.class, accountId),
                HttpStatus.BAD_REQUEST, "offset");
        assertProblem(auditor().getForEntity("/accounts/{id}/notices?limit=x", JsonNode.class, accountId),
                HttpStatus.BAD_REQUEST, "validation");
        assertProblem(auditor().getForEntity("/notices/{id}", JsonNode.class, "X".repeat(201)),
                HttpStatus.BAD_REQUEST, "invalid-id");
    }

    @Test
    void aKnownMemberWithoutNoticesHasAnEmptyHistory() {
        String accountId = "N-" + UUID.randomUUID();
        events.send(Topics.BILLING, TestEvents.envelope(accountId, 0, new AccountOpened(accountId, "Bo Member",
                "UNSUBSIDIZED", LocalDate.of(2027, 1, 1), "es", null, "service")));
        await().atMost(WAIT).until(() -> notices(accountId).getStatusCode() == HttpStatus.OK);
        assertThat(notices(accountId).getBody().get("notices")).isEmpty();
        assertThat(notices(accountId).getHeaders().getFirst("X-Total-Count")).isEqualTo("0");
    }

    @Test
    void unknownAccountsAndNoticesAreNotFound() {
        assertProblem(notices("N-" + UUID.randomUUID()), HttpStatus.NOT_FOUND, "account-not-found");
        assertProblem(auditor().getForEntity("/notices/{id}", JsonNode.class, "BILL_READY:nothing"),
                HttpStatus.NOT_FOUND, "notice-not-found");
    }

    @Test
    void readingNeedsCredentialsAndAReaderRole() {
        assertProblem(rest.getForEntity("/accounts/{id}/notices", JsonNode.class, "A1"), HttpStatus.UNAUTHORIZED,
                "unauthenticated");
        assertProblem(rest.withBasicAuth("auditor", "wrong").getForEntity("/notices/{id}", JsonNode.class, "X"),
                HttpStatus.UNAUTHORIZED, "unauthenticated");
        assertProblem(rest.withBasicAuth("outsider", "outsider-test-only")
                .getForEntity("/accounts/{id}/notices", JsonNode.class, "A1"), HttpStatus.FORBIDDEN, "forbidden");
        assertProblem(rest.withBasicAuth("outsider", "outsider-test-only")
                .getForEntity("/notices/{id}", JsonNode.class, "X"), HttpStatus.FORBIDDEN, "forbidden");
        assertThat(rest.withBasicAuth("service", "service-local-only")
                .getForEntity("/notices/{id}", JsonNode.class, "X").getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    }

    @Test
    void theApiIsDocumented() {
        ResponseEntity<JsonNode> docs = auditor().getForEntity("/v3/api-docs", JsonNode.class);
        assertThat(docs.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(docs.getBody().get("paths").has("/accounts/{accountId}/notices")).isTrue();
        assertThat(docs.getBody().get("paths").has("/notices/{noticeId}")).isTrue();
        assertThat(docs.getBody().get("paths").has("/notices/{noticeId}/letter.pdf")).isTrue();
    }

    static void assertProblem(ResponseEntity<JsonNode> response, HttpStatus status, String slug) {
        assertThat(response.getStatusCode()).isEqualTo(status);
        assertThat(response.getHeaders().getContentType()).isNotNull();
        assertThat(response.getHeaders().getContentType().isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .isTrue();
        assertThat(response.getBody().get("type").asText()).isEqualTo("https://premium-ledger.example/problems/" + slug);
        assertThat(response.getBody().get("status").asInt()).isEqualTo(status.value());
    }
}
