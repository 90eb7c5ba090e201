package com.premiumledger.payment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import com.premiumledger.events.AccountOpened;
import com.premiumledger.events.CloudEventsCodec;
import com.premiumledger.events.DayClosed;
import com.premiumledger.events.EventEnvelope;
import com.premiumledger.events.EventTypes;
import com.premiumledger.events.LedgerEvent;
import com.premiumledger.events.PaymentRecorded;
import com.premiumledger.events.Topics;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
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
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
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
 * Payment intake over the embedded broker and store: accounts and days arrive as real CloudEvents records
 * on premium.billing.v1, payments go in over HTTP and out on premium.payments.v1, and the history follows.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.config.name=premium-platform,payment-service")
@ActiveProfiles("local")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ExtendWith(OutputCaptureExtension.class)
class PaymentServiceIntegrationTest {

    private static final Duration PATIENCE = Duration.ofSeconds(30);
    private static final String CARD_NUMBER = "4111111111111111";
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

    // ---- the flows

    @Test
    void recordsAPaymentOnceAndReplaysItForTheSameKeyAndBody() {
        String accountId = openAccount();
        String key = "key-" + UUID.randomUUID();
        Map<String, Object> body = cardPayment(accountId, 20_000);
        ResponseEntity<Map<String, Object>> first = postPayment(service(), key, body);
        assertThat(first.getStatusCode()).as("%s", first.getBody()).isEqualTo(HttpStatus.CREATED);
        String paymentId = (String) first.getBody().get("paymentId");
        assertThat(first.getHeaders().getLocation()).hasToString("/payments/" + paymentId);
        assertThat(first.getHeaders().getFirst("Idempotent-Replayed")).isNull();
        assertThat(first.getBody()).containsEntry("accountId", accountId).containsEntry("amountCents", 20_000)
                .containsEntry("method", "CARD").containsEntry("channel", "ONLINE").containsEntry("cardBrand", "VISA")
                .containsEntry("lastFour", "4242").containsEntry("recordedBy", "service").containsKey("receivedDate");

        ConsumerRecord<String, byte[]> record = awaitPaymentRecords(accountId, 1).get(0);
        for (String header : List.of(CloudEventsCodec.H_SPEC_VERSION, CloudEventsCodec.H_ID, CloudEventsCodec.H_TYPE,
                CloudEventsCodec.H_SOURCE, CloudEventsCodec.H_SUBJECT, CloudEventsCodec.H_TIME,
                CloudEventsCodec.H_AGGREGATE_ID, CloudEventsCodec.H_SEQUENCE, CloudEventsCodec.H_CORRELATION_ID,
                CloudEventsCodec.H_CAUSATION_ID)) {
            assertThat(record.headers().lastHeader(header)).as(header).isNotNull();
        }
        EventEnvelope envelope = CloudEventsCodec.fromRecord(record);
        assertThat(envelope.type()).isEqualTo(EventTypes.typeOf(PaymentRecorded.class));
        assertThat(envelope.source()).isEqualTo("/premium-ledger/payment-service");
        assertThat(envelope.subject()).isEqualTo(accountId);
        assertThat(envelope.aggregateId()).isEqualTo(paymentId);
        PaymentRecorded recorded = envelope.payloadAs(PaymentRecorded.class);
        assertThat(recorded.idempotencyKey()).isEqualTo(key);
        assertThat(recorded.amountCents()).isEqualTo(20_000);

        ResponseEntity<Map<String, Object>> again = postPayment(service(), key, body);
        assertThat(again.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(again.getHeaders().getFirst("Idempotent-Replayed")).isEqualTo("true");
        assertThat(again.getBody()).isEqualTo(first.getBody());

        Map<String, Object> other = cardPayment(accountId, 20_001);
        assertProblem(postPayment(service(), key, other), HttpStatus.CONFLICT, "idempotency-key-reuse");

        Map<String, Object> listed = awaitListed(accountId, paymentId);
        assertThat(payments(listed)).hasSize(1);
        assertThat(listed).containsEntry("totalCount", 1).containsEntry("totalAmountCents", 20_000);
        Map<String, Object> line = payments(listed).get(0);
        assertThat(line).containsEntry("eventId", envelope.eventId()).containsEntry("topic", Topics.PAYMENTS)
                .containsEntry("partition", record.partition()).containsEntry("offset", (int) record.offset());
        assertThat(get(auditor(), "/payments/" + paymentId).getBody()).containsEntry("paymentId", paymentId)
                .containsEntry("idempotencyKey", key);
        assertThat(paymentRecords(accountId)).hasSize(1);
    }

    @Test
    void aRetryAfterACrashMidwayResendsTheSameCommandAndRecordsNothingMore() {
        String accountId = openAccount();
        String key = "key-" + UUID.randomUUID();
        Map<String, Object> body = Map.of("accountId", accountId, "amountCents", 5_000, "method", "CHECK",
                "channel", "MAIL", "checkNumber", "1042");
        ResponseEntity<Map<String, Object>> first = postPayment(service(), key, body);
        assertThat(first.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        // As if the service died after the command and before completing the key.
        database.getCollection("idempotency_keys").updateOne(Filters.eq("_id", key), Updates.combine(
                Updates.set("state", "IN_PROGRESS"), Updates.unset("responseStatus"), Updates.unset("responseBody")));

        ResponseEntity<Map<String, Object>> retry = postPayment(service(), key, body);
        assertThat(retry.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(retry.getHeaders().getFirst("Idempotent-Replayed")).isEqualTo("true");
        assertThat(retry.getBody()).isEqualTo(first.getBody());
        Document stored = database.getCollection("idempotency_keys").find(Filters.eq("_id", key)).first();
        assertThat(stored.getString("state")).isEqualTo("COMPLETED");
        awaitListed(accountId, (String) first.getBody().get("paymentId"));
        assertThat(paymentRecords(accountId)).hasSize(1);
    }

    @Test
    void requestsRacingWithOneKeyRecordOnePayment() throws Exception {
        String accountId = openAccount();
        String key = "key-" + UUID.randomUUID();
        Map<String, Object> body = cardPayment(accountId, 9_000);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<ResponseEntity<Map<String, Object>>>> answers = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                answers.add(pool.submit(() -> postPayment(service(), key, body)));
            }
            Set<Object> paymentIds = new HashSet<>();
            for (Future<ResponseEntity<Map<String, Object>>> answer : answers) {
                ResponseEntity<Map<String, Object>> response = answer.get(30, TimeUnit.SECONDS);
                assertThat(response.getStatusCode()).as("%s", response.getBody()).isEqualTo(HttpStatus.CREATED);
                paymentIds.add(response.getBody().get("paymentId"));
            }
            assertThat(paymentIds).hasSize(1);
            awaitListed(accountId, (String) paymentIds.iterator().next());
            assertThat(paymentRecords(accountId)).hasSize(1);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void anExpiredKeyMayBeUsedForANewPayment() {
        String accountId = openAccount();
        String key = "key-" + UUID.randomUUID();
        ResponseEntity<Map<String, Object>> first = postPayment(service(), key, cardPayment(accountId, 1_000));
        database.getCollection("idempotency_keys").updateOne(Filters.eq("_id", key),
                Updates.set("expiresAt", Date.from(Instant.now().minusSeconds(1))));
        ResponseEntity<Map<String, Object>> second = postPayment(service(), key, cardPayment(accountId, 2_000));
        assertThat(second.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(second.getHeaders().getFirst("Idempotent-Replayed")).isNull();
        assertThat(second.getBody().get("paymentId")).isNotEqualTo(first.getBody().get("paymentId"));
        Map<String, Object> listed = awaitListed(accountId, (String) second.getBody().get("paymentId"));
        assertThat(listed).containsEntry("totalAmountCents", 3_000);
    }

    @Test
    void redeliveredPaymentEventsAreListedOnce() {
        String accountId = openAccount();
        String paymentId = UUID.randomUUID().toString();
        PaymentRecorded payment = new PaymentRecorded(paymentId, accountId, 7_000, "ACH", "ONLINE",
                LocalDate.of(2027, 2, 1), null, "6789", null, "external-" + paymentId, "service");
        String eventId = UUID.randomUUID().toString();
        produce(Topics.PAYMENTS, eventId, paymentId, 0, payment);
        produce(Topics.PAYMENTS, eventId, paymentId, 0, payment);
        produce(Topics.PAYMENTS, UUID.randomUUID().toString(), paymentId, 0, payment);
        // A later payment of the same account shares the partition: once it is listed, the copies were consumed.
        ResponseEntity<Map<String, Object>> later = postPayment(service(), "key-" + UUID.randomUUID(),
                cardPayment(accountId, 1_000));
        Map<String, Object> listed = awaitListed(accountId, (String) later.getBody().get("paymentId"));
        assertThat(payments(listed)).extracting(entry -> entry.get("paymentId"))
                .containsExactly(paymentId, later.getBody().get("paymentId"));
        assertThat(listed).containsEntry("totalAmountCents", 8_000);
        assertThat(payments(listed).get(0)).containsEntry("eventId", eventId);
    }

    @Test
    void theBusinessDateComesFromClosedDaysAndOnlyMovesForward() {
        LocalDate businessDate = LocalDate.now(ZoneOffset.UTC).plusDays(2);
        String calendarId = "calendar-" + UUID.randomUUID();
        produce(Topics.BILLING, UUID.randomUUID().toString(), calendarId, 0,
                new DayClosed(businessDate, businessDate.minusDays(1), "operator"));
        produce(Topics.BILLING, UUID.randomUUID().toString(), calendarId, 1,
                new DayClosed(businessDate.minusDays(5), null, "operator"));
        String accountId = openAccount();
        await().atMost(PATIENCE).untilAsserted(() -> {
            Document calendar = database.getCollection("business_calendar")
                    .find(Filters.eq("_id", DayClosed.STREAM_KEY)).first();
            assertThat(calendar).isNotNull();
            assertThat(calendar.getString("businessDate")).isEqualTo(businessDate.toString());
        });
        ResponseEntity<Map<String, Object>> response = postPayment(service(), "key-" + UUID.randomUUID(),
                cardPayment(accountId, 3_000));
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(response.getBody()).containsEntry("receivedDate", businessDate.toString());
    }

    // ---- refusals

    @Test
    void aFullCardNumberIsRefusedAndNeverStoredEchoedOrLogged(CapturedOutput output) {
        String accountId = openAccount();
        Map<String, Object> inCheckNumber = Map.of("accountId", accountId, "amountCents", 5_000, "method", "CHECK",
                "channel", "MAIL", "checkNumber", "4111 1111 1111 1111");
        Map<String, Object> asLastFour = new HashMap<>(cardPayment(accountId, 5_000));
        asLastFour.put("card", Map.of("brand", "VISA", "lastFour", CARD_NUMBER));
        Map<String, Object> asAmount = new HashMap<>(cardPayment(accountId, 5_000));
        asAmount.put("amountCents", Long.parseLong(CARD_NUMBER));
        Map<String, Object> asUnknownField = new HashMap<>(cardPayment(accountId, 5_000));
        asUnknownField.put("cardNumber", CARD_NUMBER);
        for (Map<String, Object> body : List.of(inCheckNumber, asLastFour, asAmount, asUnknownField)) {
            String key = "key-" + UUID.randomUUID();
            ResponseEntity<Map<String, Object>> response = postPayment(service(), key, body);
            assertProblem(response, HttpStatus.BAD_REQUEST, "full-card-number-rejected");
            assertThat(response.getBody().toString()).doesNotContain("4111");
            assertThat(database.getCollection("idempotency_keys").find(Filters.eq("_id", key)).first()).isNull();
        }
        ResponseEntity<String> raw = service().exchange("/payments", HttpMethod.POST, new HttpEntity<>(
                "{\"accountId\":\"" + accountId + "\",\"amountCents\":\"" + CARD_NUMBER + "x\"}",
                jsonHeaders("key-" + UUID.randomUUID())), String.class);
        assertThat(raw.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(raw.getBody()).doesNotContain("4111");
        ResponseEntity<Map<String, Object>> later = postPayment(service(), "key-" + UUID.randomUUID(),
                cardPayment(accountId, 1_000));
        awaitListed(accountId, (String) later.getBody().get("paymentId"));
        assertThat(paymentRecords(accountId)).hasSize(1);
        assertThat(output.getAll()).doesNotContain(CARD_NUMBER).doesNotContain("4111 1111 1111 1111");
    }

    @Test
    void anUnknownAccountIs404AndClaimsNoKey() {
        String key = "key-" + UUID.randomUUID();
        String accountId = "NONE-" + suffix();
        assertProblem(postPayment(service(), key, cardPayment(accountId, 1_000)), HttpStatus.NOT_FOUND,
                "account-not-found");
        assertThat(database.getCollection("idempotency_keys").find(Filters.eq("_id", key)).first()).isNull();
        assertProblem(get(auditor(), "/accounts/" + accountId + "/payments"), HttpStatus.NOT_FOUND,
                "account-not-found");
        assertProblem(get(auditor(), "/payments/" + UUID.randomUUID()), HttpStatus.NOT_FOUND, "payment-not-found");
    }

    @Test
    void aMissingOrMalformedIdempotencyKeyIs400() {
        String accountId = openAccount();
        assertProblem(postPayment(service(), null, cardPayment(accountId, 1_000)), HttpStatus.BAD_REQUEST,
                "idempotency-key-required");
        assertProblem(postPayment(service(), "has space", cardPayment(accountId, 1_000)), HttpStatus.BAD_REQUEST,
                "idempotency-key-required");
        assertProblem(postPayment(service(), "k".repeat(256), cardPayment(accountId, 1_000)),
                HttpStatus.BAD_REQUEST, "idempotency-key-required");
    }

    @Test
    void badInputIs400AndWritesNothing() {
        String accountId = openAccount();
        Map<String, Object> body = new HashMap<>(cardPayment(accountId, 0));
        assertRefused(body, "amount-out-of-range");
        body.put("amountCents", 10_000_001);
        assertRefused(body, "amount-out-of-range");
        body.put("amountCents", 1_000);
        body.put("receivedDate", "2999-01-01");
        assertRefused(body, "received-date-in-future");
        body.remove("receivedDate");
        body.put("card", Map.of("brand", "DINERS", "lastFour", "4242"));
        assertRefused(body, "card-brand-not-accepted");
        body.put("method", "BITCOIN");
        assertRefused(body, "payment-method-not-accepted");
        body.put("method", "ACH");
        assertRefused(body, "payment-details-mismatch");
        body.remove("card");
        assertRefused(body, "invalid-last-four");
        body.put("bankAccountLastFour", "6789");
        body.put("method", null);
        assertRefused(body, "validation");
        body.put("method", "ACH");
        body.put("surprise", true);
        assertRefused(body, "malformed-body");
        assertProblem(get(auditor(), "/accounts/" + accountId + "/payments?limit=100000"), HttpStatus.BAD_REQUEST,
                "page");
        assertThat(database.getCollection("account_payments").find(Filters.eq("_id", accountId)).first()).isNull();
    }

    @Test
    void withoutCredentialsIs401AndTheWrongRoleIs403() {
        String accountId = "ANY-" + suffix();
        assertProblem(postPayment(rest, "key-" + UUID.randomUUID(), cardPayment(accountId, 1_000)),
                HttpStatus.UNAUTHORIZED, "unauthenticated");
        assertProblem(postPayment(auditor(), "key-" + UUID.randomUUID(), cardPayment(accountId, 1_000)),
                HttpStatus.FORBIDDEN, "forbidden");
        assertProblem(postPayment(operator(), "key-" + UUID.randomUUID(), cardPayment(accountId, 1_000)),
                HttpStatus.FORBIDDEN, "forbidden");
        assertProblem(rest.exchange("/accounts/" + accountId + "/payments", HttpMethod.GET, null, JSON),
                HttpStatus.UNAUTHORIZED, "unauthenticated");
    }

    @Test
    void theOpenApiDocumentDescribesTheEndpoints() {
        Map<String, Object> paths = castMap(get(auditor(), "/v3/api-docs").getBody().get("paths"));
        assertThat(paths).containsKeys("/payments", "/payments/{paymentId}", "/accounts/{accountId}/payments");
    }

    // ---- helpers

    private String openAccount() {
        String accountId = "IT-" + suffix();
        produce(Topics.BILLING, UUID.randomUUID().toString(), accountId, 0, new AccountOpened(accountId,
                "Member " + accountId, "APTC", LocalDate.of(2027, 1, 1), "en", null, "service"));
        await().atMost(PATIENCE).until(() ->
                database.getCollection("known_accounts").find(Filters.eq("_id", accountId)).first() != null);
        return accountId;
    }

    private static Map<String, Object> cardPayment(String accountId, long amountCents) {
        return Map.of("accountId", accountId, "amountCents", amountCents, "method", "CARD", "channel", "ONLINE",
                "card", Map.of("brand", "VISA", "lastFour", "4242"));
    }

    private void assertRefused(Map<String, Object> body, String slug) {
        String key = "key-" + UUID.randomUUID();
        assertProblem(postPayment(service(), key, body), HttpStatus.BAD_REQUEST, slug);
        assertThat(database.getCollection("idempotency_keys").find(Filters.eq("_id", key)).first()).isNull();
    }

    private void produce(String topic, String eventId, String aggregateId, long sequence, LedgerEvent payload) {
        EventEnvelope envelope = new EventEnvelope(eventId, EventTypes.typeOf(payload.getClass()),
                "/premium-ledger/test", payload.streamKey(), Instant.now(), aggregateId, sequence, null, null, payload);
        try {
            var record = CloudEventsCodec.toRecord(topic, envelope);
            if (!(payload instanceof com.premiumledger.events.PartitionBroadcast)) {
                producer.send(record).get();
                return;
            }
            // As the outbox publishes it: a copy on every partition.
            for (var partition : producer.partitionsFor(topic)) {
                producer.send(new org.apache.kafka.clients.producer.ProducerRecord<>(topic, partition.partition(),
                        record.key(), record.value(), record.headers())).get();
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private Map<String, Object> awaitListed(String accountId, String paymentId) {
        List<Map<String, Object>> found = new ArrayList<>();
        await().atMost(PATIENCE).untilAsserted(() -> {
            ResponseEntity<Map<String, Object>> response = get(auditor(), "/accounts/" + accountId + "/payments");
            assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
            assertThat(payments(response.getBody())).extracting(entry -> entry.get("paymentId"))
                    .contains(paymentId);
            found.add(response.getBody());
        });
        return found.get(found.size() - 1);
    }

    private List<ConsumerRecord<String, byte[]>> awaitPaymentRecords(String accountId, int count) {
        List<ConsumerRecord<String, byte[]>> found = new ArrayList<>();
        await().atMost(PATIENCE).untilAsserted(() -> {
            found.clear();
            found.addAll(paymentRecords(accountId));
            assertThat(found).hasSizeGreaterThanOrEqualTo(count);
        });
        return found;
    }

    /** Every PaymentRecorded of the account on the topic, read from the start to the current end. */
    private List<ConsumerRecord<String, byte[]>> paymentRecords(String accountId) {
        Map<String, Object> config = new HashMap<>();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        List<ConsumerRecord<String, byte[]>> found = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(config, new StringDeserializer(),
                new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = new ArrayList<>();
            for (PartitionInfo info : consumer.partitionsFor(Topics.PAYMENTS)) {
                partitions.add(new TopicPartition(info.topic(), info.partition()));
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            await().atMost(PATIENCE).until(() -> {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(100))) {
                    if (accountId.equals(record.key()) && isPaymentRecorded(record)) {
                        found.add(record);
                    }
                }
                return partitions.stream().allMatch(partition -> consumer.position(partition) >= end.get(partition));
            });
        }
        return found;
    }

    private static boolean isPaymentRecorded(ConsumerRecord<String, byte[]> record) {
        var type = record.headers().lastHeader(CloudEventsCodec.H_TYPE);
        return type != null && new String(type.value(), StandardCharsets.UTF_8)
                .equals(EventTypes.typeOf(PaymentRecorded.class));
    }

    private static HttpHeaders jsonHeaders(String idempotencyKey) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        if (idempotencyKey != null) {
            headers.set("Idempotency-Key", idempotencyKey);
        }
        return headers;
    }

    private ResponseEntity<Map<String, Object>> postPayment(TestRestTemplate client, String idempotencyKey,
                                                            Object body) {
        return client.exchange("/payments", HttpMethod.POST, new HttpEntity<>(body, jsonHeaders(idempotencyKey)),
                JSON);
    }

    private ResponseEntity<Map<String, Object>> get(TestRestTemplate client, String path) {
        return client.exchange(path, HttpMethod.GET, null, JSON);
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

    private static String suffix() {
        return UUID.randomUUID().toString().substring(0, 8).toUpperCase();
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> payments(Map<String, Object> map) {
        return (List<Map<String, Object>>) map.get("payments");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> castMap(Object value) {
        return (Map<String, Object>) value;
    }
}
