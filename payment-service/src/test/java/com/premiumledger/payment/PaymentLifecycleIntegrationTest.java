package com.premiumledger.payment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.premiumledger.events.AccountOpened;
import com.premiumledger.events.CloudEventsCodec;
import com.premiumledger.events.CreditRefunded;
import com.premiumledger.events.EventEnvelope;
import com.premiumledger.events.EventTypes;
import com.premiumledger.events.LedgerEvent;
import com.premiumledger.events.PaymentAssigned;
import com.premiumledger.events.PaymentReversed;
import com.premiumledger.events.RefundRejected;
import com.premiumledger.events.RefundReleased;
import com.premiumledger.events.RefundRequested;
import com.premiumledger.events.Topics;
import com.premiumledger.events.UnappliedPaymentReceived;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.ActiveProfiles;

/**
 * What follows intake, over the embedded broker and store: the unapplied queue and assignment, reversals,
 * refunds with billing's decision coming back as a real CloudEvents record, natural keys, and idempotent
 * replays of every money-moving endpoint.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.config.name=premium-platform,payment-service")
@ActiveProfiles("local")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PaymentLifecycleIntegrationTest {

    private static final Duration PATIENCE = Duration.ofSeconds(30);
    private static final ParameterizedTypeReference<Map<String, Object>> JSON = new ParameterizedTypeReference<>() {
    };

    @Autowired
    TestRestTemplate rest;
    @Autowired
    MongoDatabase database;
    @Value("${spring.kafka.bootstrap-servers}")
    String bootstrapServers;

    private KafkaProducer<String, byte[]> producer;

    @BeforeAll
    void startProducer() {
        Map<String, Object> config = new HashMap<>();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        producer = new KafkaProducer<>(config, new StringSerializer(), new ByteArraySerializer());
    }

    @AfterAll
    void stopProducer() {
        producer.close();
    }

    @Test
    void aMailedCheckForAnUnknownAccountWaitsInTheQueueUntilAssigned() {
        String quoted = "NOPE-" + suffix();
        Map<String, Object> check = check(quoted, 12_500, "CK-" + suffix());
        assertProblem(post(service(), "/payments", key(), Map.of("accountId", quoted, "amountCents", 100,
                "method", "ACH", "channel", "ONLINE", "bankAccountLastFour", "6789")), HttpStatus.NOT_FOUND,
                "account-not-found");
        ResponseEntity<Map<String, Object>> received = post(service(), "/payments", key(), check);
        assertThat(received.getStatusCode()).as("%s", received.getBody()).isEqualTo(HttpStatus.CREATED);
        assertThat(received.getBody()).containsEntry("status", "UNAPPLIED").containsEntry("accountId", null)
                .containsEntry("quotedAccountNumber", quoted);
        String paymentId = (String) received.getBody().get("paymentId");
        assertThat(awaitRecords(Topics.PAYMENTS, paymentId, UnappliedPaymentReceived.class, 1)).hasSize(1);
        await().atMost(PATIENCE).until(() -> queuedIds().contains(paymentId));
        Map<String, Object> queued = queued(paymentId);
        assertThat(queued).containsEntry("quotedAccountNumber", quoted).containsEntry("amountCents", 12_500)
                .containsEntry("method", "CHECK").containsEntry("reference", check.get("checkNumber"))
                .containsKey("receivedDate");

        String accountId = openAccount();
        String path = "/payments/" + paymentId + "/assignment";
        Map<String, Object> body = Map.of("accountId", accountId, "note", "account number transposed");
        assertProblem(post(service(), path, key(), body), HttpStatus.FORBIDDEN, "forbidden");
        assertProblem(post(operator(), path, key(), Map.of("accountId", "NOPE-" + suffix())), HttpStatus.NOT_FOUND,
                "account-not-found");
        assertProblem(post(operator(), "/payments/" + UUID.randomUUID() + "/assignment", key(), body),
                HttpStatus.NOT_FOUND, "payment-not-found");
        String assignmentKey = key();
        ResponseEntity<Map<String, Object>> assigned = post(operator(), path, assignmentKey, body);
        assertThat(assigned.getStatusCode()).as("%s", assigned.getBody()).isEqualTo(HttpStatus.OK);
        assertThat(assigned.getBody()).containsEntry("status", "ASSIGNED").containsEntry("accountId", accountId)
                .containsEntry("assignedBy", "operator");
        assertReplayed(post(operator(), path, assignmentKey, body), assigned);
        assertProblem(post(operator(), path, assignmentKey, Map.of("accountId", accountId)), HttpStatus.CONFLICT,
                "idempotency-key-reuse");
        assertProblem(post(operator(), path, key(), body), HttpStatus.CONFLICT, "payment-not-unapplied");

        PaymentAssigned event = awaitRecords(Topics.PAYMENTS, accountId, PaymentAssigned.class, 1).get(0)
                .payloadAs(PaymentAssigned.class);
        assertThat(event.paymentId()).isEqualTo(paymentId);
        assertThat(event.amountCents()).isEqualTo(12_500);
        await().atMost(PATIENCE).until(() -> !queuedIds().contains(paymentId));
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(get(auditor(), "/payments/" + paymentId).getBody())
                .containsEntry("status", "ASSIGNED").containsEntry("accountId", accountId)
                .containsEntry("quotedAccountNumber", quoted));
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(
                get(auditor(), "/accounts/" + accountId + "/payments").getBody()).containsEntry("totalCount", 1));
        assertThat(awaitRecords(Topics.PAYMENTS, accountId, PaymentAssigned.class, 1)).hasSize(1);
    }

    @Test
    void aPaymentIsReversedOnceWithAReasonThatFitsItsMethod() {
        String accountId = openAccount();
        String paymentId = recordAch(accountId, 8_000);
        String path = "/payments/" + paymentId + "/reversal";
        assertProblem(post(service(), path, key(), Map.of("reason", "CHARGEBACK")), HttpStatus.BAD_REQUEST,
                "reversal-reason-does-not-fit-method");
        assertProblem(post(service(), path, key(), Map.of("reason", "BOUNCED")), HttpStatus.BAD_REQUEST,
                "unknown-reversal-reason");
        assertProblem(post(service(), path, key(), Map.of("reason", "NSF", "reversedDate", "2000-01-01")),
                HttpStatus.BAD_REQUEST, "reversed-date-too-old");
        assertProblem(post(service(), path, null, Map.of("reason", "NSF")), HttpStatus.BAD_REQUEST,
                "idempotency-key-required");
        assertProblem(post(auditor(), path, key(), Map.of("reason", "NSF")), HttpStatus.FORBIDDEN, "forbidden");
        assertProblem(post(service(), "/payments/" + UUID.randomUUID() + "/reversal", key(), Map.of("reason", "NSF")),
                HttpStatus.NOT_FOUND, "payment-not-found");

        String reversalKey = key();
        ResponseEntity<Map<String, Object>> reversed = post(service(), path, reversalKey, Map.of("reason", "NSF"));
        assertThat(reversed.getStatusCode()).as("%s", reversed.getBody()).isEqualTo(HttpStatus.OK);
        assertThat(reversed.getBody()).containsEntry("status", "REVERSED").containsEntry("accountId", accountId)
                .containsEntry("amountCents", 8_000).containsEntry("reason", "NSF");
        assertReplayed(post(service(), path, reversalKey, Map.of("reason", "NSF")), reversed);
        assertProblem(post(service(), path, key(), Map.of("reason", "NSF")), HttpStatus.CONFLICT, "already-reversed");
        assertProblem(post(service(), "/payments/" + paymentId + "/refund", key(), Map.of("amountCents", 100)),
                HttpStatus.CONFLICT, "payment-reversed");

        List<EventEnvelope> events = awaitRecords(Topics.PAYMENTS, accountId, PaymentReversed.class, 1);
        assertThat(events).hasSize(1);
        assertThat(events.get(0).payloadAs(PaymentReversed.class).reason()).isEqualTo("NSF");
        await().atMost(PATIENCE).untilAsserted(() -> {
            Map<String, Object> listed = get(auditor(), "/accounts/" + accountId + "/payments").getBody();
            assertThat(listed).containsEntry("reversedAmountCents", 8_000);
            assertThat(get(auditor(), "/payments/" + paymentId).getBody()).containsEntry("status", "REVERSED")
                    .containsEntry("reversalReason", "NSF");
        });
    }

    @Test
    void aRefundIsRequestedAndFollowsBillingsDecision() {
        String accountId = openAccount();
        String paymentId = recordAch(accountId, 30_000);
        String path = "/payments/" + paymentId + "/refund";
        assertProblem(post(service(), path, key(), Map.of("amountCents", 30_001)), HttpStatus.BAD_REQUEST,
                "refund-amount-out-of-range");
        String refundKey = key();
        ResponseEntity<Map<String, Object>> requested = post(service(), path, refundKey, Map.of("amountCents", 10_000));
        assertThat(requested.getStatusCode()).as("%s", requested.getBody()).isEqualTo(HttpStatus.ACCEPTED);
        assertThat(requested.getBody()).containsEntry("status", "PENDING").containsEntry("paymentId", paymentId)
                .containsEntry("accountId", accountId).containsEntry("amountCents", 10_000);
        String refundId = (String) requested.getBody().get("refundId");
        assertThat(requested.getHeaders().getLocation()).hasToString("/refunds/" + refundId);
        assertReplayed(post(service(), path, refundKey, Map.of("amountCents", 10_000)), requested);
        assertProblem(post(service(), path, refundKey, Map.of("amountCents", 10_001)), HttpStatus.CONFLICT,
                "idempotency-key-reuse");
        assertProblem(post(service(), path, key(), Map.of("amountCents", 20_001)), HttpStatus.CONFLICT,
                "refund-exceeds-payment");

        List<EventEnvelope> events = awaitRecords(Topics.PAYMENTS, accountId, RefundRequested.class, 1);
        assertThat(events).hasSize(1);
        assertThat(events.get(0).payloadAs(RefundRequested.class).refundId()).isEqualTo(refundId);
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(get(auditor(), "/refunds/" + refundId).getBody())
                .containsEntry("status", "PENDING").containsEntry("amountCents", 10_000));

        CreditRefunded refunded = new CreditRefunded(accountId, refundId, paymentId, 10_000, "ACH",
                LocalDate.of(2027, 2, 3), 0);
        String eventId = UUID.randomUUID().toString();
        produce(Topics.BILLING, eventId, accountId, 1, refunded);
        produce(Topics.BILLING, eventId, accountId, 1, refunded);
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(get(auditor(), "/refunds/" + refundId).getBody())
                .containsEntry("status", "REFUNDED").containsEntry("paymentId", paymentId)
                .containsEntry("accountId", accountId));
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(get(auditor(), "/payments/" + paymentId).getBody())
                .containsEntry("refundRequestedCents", 10_000));
        assertProblem(get(auditor(), "/refunds/" + UUID.randomUUID()), HttpStatus.NOT_FOUND, "refund-not-found");
    }

    /**
     * The whole payment asked back while billing had no credit to pay it from: billing rejects it, the payment
     * releases it, and the same amount may be asked for again (and counts again).
     */
    @Test
    void aRejectedRefundNoLongerCountsAgainstThePayment() {
        String accountId = openAccount();
        String paymentId = recordAch(accountId, 12_000);
        String path = "/payments/" + paymentId + "/refund";
        ResponseEntity<Map<String, Object>> first = post(service(), path, key(), Map.of("amountCents", 12_000));
        assertThat(first.getStatusCode()).as("%s", first.getBody()).isEqualTo(HttpStatus.ACCEPTED);
        String refundId = (String) first.getBody().get("refundId");
        assertProblem(post(service(), path, key(), Map.of("amountCents", 12_000)), HttpStatus.CONFLICT,
                "refund-exceeds-payment");

        RefundRejected rejected = new RefundRejected(accountId, refundId, paymentId, 12_000, 0,
                "insufficient-credit");
        String eventId = UUID.randomUUID().toString();
        produce(Topics.BILLING, eventId, accountId, 1, rejected);
        produce(Topics.BILLING, eventId, accountId, 1, rejected);
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(get(auditor(), "/refunds/" + refundId).getBody())
                .containsEntry("status", "REJECTED"));
        List<EventEnvelope> releases = awaitRecords(Topics.PAYMENTS, accountId, RefundReleased.class, 1);
        assertThat(releases).singleElement().satisfies(release -> assertThat(release.payloadAs(RefundReleased.class))
                .isEqualTo(new RefundReleased(refundId, paymentId, accountId, 12_000, "insufficient-credit",
                        "billing-decisions")));
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(get(auditor(), "/payments/" + paymentId).getBody())
                .containsEntry("refundRequestedCents", 0));

        ResponseEntity<Map<String, Object>> again = post(service(), path, key(), Map.of("amountCents", 12_000));
        assertThat(again.getStatusCode()).as("%s", again.getBody()).isEqualTo(HttpStatus.ACCEPTED);
        assertThat(again.getBody().get("refundId")).isNotEqualTo(refundId);
        assertProblem(post(service(), path, key(), Map.of("amountCents", 1)), HttpStatus.CONFLICT,
                "refund-exceeds-payment");
        // The redelivered rejection released nothing more.
        assertThat(awaitRecords(Topics.PAYMENTS, accountId, RefundReleased.class, 1)).hasSize(1);
    }

    @Test
    void anUnappliedPaymentCannotBeRefundedAndReversesWithoutAnAccount() {
        String quoted = "NOPE-" + suffix();
        ResponseEntity<Map<String, Object>> received = post(service(), "/payments", key(),
                check(quoted, 4_000, "MO-" + suffix()));
        String paymentId = (String) received.getBody().get("paymentId");
        assertProblem(post(service(), "/payments/" + paymentId + "/refund", key(), Map.of("amountCents", 100)),
                HttpStatus.CONFLICT, "payment-unapplied");
        ResponseEntity<Map<String, Object>> reversed = post(service(), "/payments/" + paymentId + "/reversal", key(),
                Map.of("reason", "RETURNED_CHECK"));
        assertThat(reversed.getStatusCode()).as("%s", reversed.getBody()).isEqualTo(HttpStatus.OK);
        assertThat(reversed.getBody()).containsEntry("accountId", null);
        assertThat(awaitRecords(Topics.PAYMENTS, paymentId, PaymentReversed.class, 1)).hasSize(1);
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(get(auditor(), "/payments/" + paymentId).getBody())
                .containsEntry("status", "REVERSED"));
        assertThat(queuedIds()).doesNotContain(paymentId);
        assertProblem(post(operator(), "/payments/" + paymentId + "/assignment", key(),
                Map.of("accountId", openAccount())), HttpStatus.CONFLICT, "payment-reversed");
    }

    @Test
    void aCheckNumberIsTakenOncePerMethod() {
        String accountId = openAccount();
        String number = "CK-" + suffix();
        ResponseEntity<Map<String, Object>> first = post(service(), "/payments", key(), check(accountId, 1_000, number));
        assertThat(first.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertProblem(post(service(), "/payments", key(), check(accountId, 1_000, number)), HttpStatus.CONFLICT,
                "duplicate-reference");
        Map<String, Object> moneyOrder = Map.of("accountId", accountId, "amountCents", 1_000, "method",
                "MONEY_ORDER", "channel", "MAIL", "moneyOrderNumber", number);
        assertThat(post(service(), "/payments", key(), moneyOrder).getStatusCode()).isEqualTo(HttpStatus.CREATED);
    }

    @Test
    void theOpenApiDocumentDescribesTheNewEndpoints() {
        Map<String, Object> paths = castMap(get(auditor(), "/v3/api-docs").getBody().get("paths"));
        assertThat(paths).containsKeys("/payments/unapplied", "/payments/{paymentId}/assignment",
                "/payments/{paymentId}/reversal", "/payments/{paymentId}/refund", "/refunds/{refundId}");
    }

    // ---- helpers

    private String recordAch(String accountId, long amountCents) {
        ResponseEntity<Map<String, Object>> response = post(service(), "/payments", key(), Map.of("accountId",
                accountId, "amountCents", amountCents, "method", "ACH", "channel", "ONLINE",
                "bankAccountLastFour", "6789"));
        assertThat(response.getStatusCode()).as("%s", response.getBody()).isEqualTo(HttpStatus.CREATED);
        return (String) response.getBody().get("paymentId");
    }

    private static Map<String, Object> check(String accountId, long amountCents, String number) {
        return Map.of("accountId", accountId, "amountCents", amountCents, "method", "CHECK", "channel", "MAIL",
                "checkNumber", number);
    }

    private String openAccount() {
        String accountId = "LC-" + suffix();
        produce(Topics.BILLING, UUID.randomUUID().toString(), accountId, 0, new AccountOpened(accountId,
                "Member " + accountId, "APTC", LocalDate.of(2027, 1, 1), "en", null, "service"));
        await().atMost(PATIENCE).until(() ->
                database.getCollection("known_accounts").find(Filters.eq("_id", accountId)).first() != null);
        return accountId;
    }

    @SuppressWarnings("unchecked")
    private List<String> queuedIds() {
        Map<String, Object> queue = get(auditor(), "/payments/unapplied?limit=500").getBody();
        return ((List<Map<String, Object>>) queue.get("payments")).stream()
                .map(entry -> (String) entry.get("paymentId")).toList();
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> queued(String paymentId) {
        Map<String, Object> queue = get(auditor(), "/payments/unapplied?limit=500").getBody();
        return ((List<Map<String, Object>>) queue.get("payments")).stream()
                .filter(entry -> paymentId.equals(entry.get("paymentId"))).findFirst().orElseThrow();
    }

    private void produce(String topic, String eventId, String aggregateId, long sequence, LedgerEvent payload) {
        EventEnvelope envelope = new EventEnvelope(eventId, EventTypes.typeOf(payload.getClass()),
                "/premium-ledger/test", payload.streamKey(), Instant.now(), aggregateId, sequence, null, null, payload);
        try {
            producer.send(CloudEventsCodec.toRecord(topic, envelope)).get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private List<EventEnvelope> awaitRecords(String topic, String key, Class<?> type, int count) {
        List<EventEnvelope> found = new ArrayList<>();
        await().atMost(PATIENCE).untilAsserted(() -> {
            found.clear();
            found.addAll(records(topic, key, type));
            assertThat(found).hasSizeGreaterThanOrEqualTo(count);
        });
        return found;
    }

    /** Every event of the type with the key on the topic, read from the start to the current end. */
    private List<EventEnvelope> records(String topic, String key, Class<?> type) {
        Map<String, Object> config = new HashMap<>();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        String typeName = EventTypes.typeOf(type);
        List<EventEnvelope> found = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(config, new StringDeserializer(),
                new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = new ArrayList<>();
            for (PartitionInfo info : consumer.partitionsFor(topic)) {
                partitions.add(new TopicPartition(info.topic(), info.partition()));
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            await().atMost(PATIENCE).until(() -> {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(100))) {
                    var header = record.headers().lastHeader(CloudEventsCodec.H_TYPE);
                    if (key.equals(record.key()) && header != null
                            && typeName.equals(new String(header.value(), StandardCharsets.UTF_8))) {
                        found.add(CloudEventsCodec.fromRecord(record));
                    }
                }
                return partitions.stream().allMatch(partition -> consumer.position(partition) >= end.get(partition));
            });
        }
        return found;
    }

    private ResponseEntity<Map<String, Object>> post(TestRestTemplate client, String path, String idempotencyKey,
                                                     Object body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        if (idempotencyKey != null) {
            headers.set("Idempotency-Key", idempotencyKey);
        }
        return client.exchange(path, HttpMethod.POST, new HttpEntity<>(body, headers), JSON);
    }

    private ResponseEntity<Map<String, Object>> get(TestRestTemplate client, String path) {
        return client.exchange(path, HttpMethod.GET, null, JSON);
    }

    private static void assertReplayed(ResponseEntity<Map<String, Object>> again,
                                       ResponseEntity<Map<String, Object>> first) {
        assertThat(again.getStatusCode()).isEqualTo(first.getStatusCode());
        assertThat(again.getHeaders().getFirst("Idempotent-Replayed")).isEqualTo("true");
        assertThat(again.getBody()).isEqualTo(first.getBody());
    }

    private static void assertProblem(ResponseEntity<Map<String, Object>> response, HttpStatus status, String slug) {
        assertThat(response.getStatusCode()).as("%s", response.getBody()).isEqualTo(status);
        assertThat(response.getHeaders().getContentType()).isNotNull();
        assertThat(response.getHeaders().getContentType().isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .as("content type %s", response.getHeaders().getContentType()).isTrue();
        assertThat(response.getBody()).containsEntry("type", "https://premium-ledger.example/problems/" + slug);
    }

    private TestRestTemplate service() {
        return rest.withBasicAuth("service", "service-local-only");
    }

    private TestRestTemplate operator() {
        return rest.withBasicAuth("operator", "operator-local-only");
    }

    private TestRestTemplate auditor() {
        return rest.withBasicAuth("auditor", "auditor-local-only");
    }

    private static String key() {
        return "key-" + UUID.randomUUID();
    }

    private static String suffix() {
        return UUID.randomUUID().toString().substring(0, 8).toUpperCase();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> castMap(Object value) {
        return (Map<String, Object>) value;
    }
}
