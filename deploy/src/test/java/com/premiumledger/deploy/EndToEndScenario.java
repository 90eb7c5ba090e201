package com.premiumledger.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.premiumledger.events.CloudEventsCodec;
import com.premiumledger.events.Topics;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * The walking-skeleton flow through every service, over HTTP and Kafka, as a member's month would go:
 * A opens, is billed, pays: balance 0 and a payment-received notice. B pays January but not February:
 * closing the day after February's due date records PaymentMissed, coverage GRACE and a past-due notice.
 */
final class EndToEndScenario {

    private static final Duration PATIENCE = Duration.ofSeconds(60);

    private final RunningSystem system;
    private final Http http = new Http();

    EndToEndScenario(RunningSystem system) {
        this.system = system;
    }

    void run() {
        String suffix = Integer.toString(ThreadLocalRandom.current().nextInt(100_000, 999_999));
        String accountA = "E2E-A" + suffix;
        String accountB = "E2E-B" + suffix;
        openAccount(accountA);
        openAccount(accountB);
        issueBill(accountA, "2027-01");
        issueBill(accountB, "2027-01");
        issueBill(accountB, "2027-02");
        closeDay("2026-12-20");
        awaitPaymentServiceKnows(accountA);
        awaitPaymentServiceKnows(accountB);
        String correlationId = "e2e-pay-" + suffix;
        pay(accountA, 20_000, correlationId);
        pay(accountB, 20_000, "e2e-pay-b-" + suffix);

        await().atMost(PATIENCE).untilAsserted(() -> {
            Map<String, Object> balance = http.get(Http.AUDITOR, system.billing() + "/accounts/" + accountA + "/balance").body();
            assertThat(((Number) balance.get("balanceCents")).longValue()).isZero();
            assertThat(((Number) balance.get("openCents")).longValue()).isZero();
        });
        await().atMost(PATIENCE).untilAsserted(() ->
                assertThat(noticeTypes(accountA)).contains("BILL_READY", "PAYMENT_RECEIVED"));
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(coverageStatus(accountB)).isEqualTo("ACTIVE"));

        closeDay("2027-01-24");

        await().atMost(PATIENCE).untilAsserted(() -> {
            Map<String, Object> bills = http.get(Http.AUDITOR, system.billing() + "/accounts/" + accountB + "/bills").body();
            Map<String, Object> february = Http.list(bills, "bills").stream()
                    .filter(bill -> "2027-02".equals(bill.get("coverageMonth"))).findFirst().orElseThrow();
            assertThat(february.get("missed")).isEqualTo(true);
        });
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(coverageStatus(accountB)).isEqualTo("GRACE"));
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(noticeTypes(accountB)).contains("PAST_DUE_WARNING"));
        assertThat(coverageStatus(accountA)).isEqualTo("ACTIVE");
        assertThat(noticeTypes(accountA)).doesNotContain("PAST_DUE_WARNING");
        assertThat(noticeTypes(accountA).stream().filter("PAYMENT_RECEIVED"::equals).count()).isEqualTo(1);

        assertEveryRecordIsACloudEvent(accountB);
        assertCorrelationFollowsThePayment(accountA, correlationId);
        assertOpenApiDescribesEveryEndpoint();
    }

    /**
     * The payment request's correlation id is {@code ce_correlationid} of every event it caused across the hops:
     * the payment, its application on billing, and the payment-received notice; each names its cause's event id.
     */
    private void assertCorrelationFollowsThePayment(String accountId, String correlationId) {
        List<ConsumerRecord<String, byte[]>> records = recordsOf(accountId, found -> found.stream()
                .anyMatch(EndToEndScenario::paymentReceivedNotice));
        ConsumerRecord<String, byte[]> recorded = only(records, "PaymentRecorded", correlationId);
        ConsumerRecord<String, byte[]> applied = only(records, "PaymentApplied", correlationId);
        ConsumerRecord<String, byte[]> notice = records.stream().filter(EndToEndScenario::paymentReceivedNotice)
                .findFirst().orElseThrow();
        assertThat(text(notice, "ce_correlationid")).as("the notice's correlation id").isEqualTo(correlationId);
        assertThat(text(applied, "ce_causationid")).as("the application's cause")
                .isEqualTo(text(recorded, "ce_id"));
        assertThat(text(notice, "ce_causationid")).as("the notice's cause").isEqualTo(text(recorded, "ce_id"));
    }

    private static ConsumerRecord<String, byte[]> only(List<ConsumerRecord<String, byte[]>> records, String type,
                                                       String correlationId) {
        List<ConsumerRecord<String, byte[]>> ofType = records.stream().filter(record -> type.equals(simpleType(record)))
                .toList();
        assertThat(ofType).as(type).hasSize(1);
        assertThat(text(ofType.get(0), "ce_correlationid")).as(type + "'s correlation id").isEqualTo(correlationId);
        return ofType.get(0);
    }

    private static boolean paymentReceivedNotice(ConsumerRecord<String, byte[]> record) {
        return "NoticeIssued".equals(simpleType(record))
                && CloudEventsCodec.fromRecord(record).payload().toString().contains("PAYMENT_RECEIVED");
    }

    private static String simpleType(ConsumerRecord<String, byte[]> record) {
        String type = typeName(text(record, "ce_type"));
        return type.substring(type.lastIndexOf('.') + 1);
    }

    /** The type without its version suffix ({@code ...PaymentApplied.v1}). */
    private static String typeName(String ceType) {
        return ceType == null ? "" : ceType.replaceFirst("\\.v\\d+$", "");
    }

    private static String text(ConsumerRecord<String, byte[]> record, String header) {
        Header value = record.headers().lastHeader(header);
        return value == null ? null : new String(value.value(), StandardCharsets.UTF_8);
    }

    /** The contract paths of DESIGN.md section 6 that exist so far, in each service's OpenAPI document. */
    private void assertOpenApiDescribesEveryEndpoint() {
        Map<String, List<String>> expected = Map.of(
                system.billing(), List.of("/accounts", "/accounts/{id}/bills", "/accounts/{id}/bills/{billId}/missed",
                        "/calendar/days/{date}/close", "/accounts/{id}/balance", "/accounts/{id}/ledger"),
                system.payment(), List.of("/payments", "/accounts/{id}/payments"),
                system.coverage(), List.of("/accounts/{id}/coverage", "/coverage"),
                system.notification(), List.of("/accounts/{id}/notices"));
        expected.forEach((service, paths) -> {
            Http.Response response = http.get(Http.AUDITOR, service + "/v3/api-docs");
            assertThat(response.status()).isEqualTo(200);
            @SuppressWarnings("unchecked")
            Map<String, Object> documented = (Map<String, Object>) response.body().get("paths");
            for (String path : paths) {
                assertThat(documented.keySet().stream().map(EndToEndScenario::normalize))
                        .as("OpenAPI of %s", service).contains(normalize(path));
            }
        });
    }

    /** Path variables may be named differently per service; compare the shapes. */
    private static String normalize(String path) {
        return path.replaceAll("\\{[^}]+}", "{}");
    }

    private void openAccount(String accountId) {
        Http.Response response = http.post(Http.SERVICE, system.billing() + "/accounts", Map.of(
                "accountId", accountId,
                "holderName", "Member " + accountId,
                "program", "APTC",
                "coverageStart", "2027-01-01",
                "language", "en",
                "email", accountId.toLowerCase() + "@example.org"));
        assertThat(response.status()).as("open %s: %s", accountId, response.body()).isEqualTo(201);
    }

    private void issueBill(String accountId, String coverageMonth) {
        Http.Response response = http.post(Http.SERVICE, system.billing() + "/accounts/" + accountId + "/bills",
                Map.of("coverageMonth", coverageMonth, "grossPremiumCents", 50_000, "subsidyCents", 30_000));
        assertThat(response.status()).as("bill %s %s: %s", accountId, coverageMonth, response.body()).isEqualTo(201);
        assertThat(((Number) response.body().get("amountDueCents")).longValue()).isEqualTo(20_000);
    }

    private void closeDay(String date) {
        Http.Response response = http.post(Http.OPERATOR, system.billing() + "/calendar/days/" + date + "/close", null);
        assertThat(response.status()).as("close %s: %s", date, response.body()).isEqualTo(200);
    }

    private void awaitPaymentServiceKnows(String accountId) {
        await().atMost(PATIENCE).until(() ->
                http.get(Http.AUDITOR, system.payment() + "/accounts/" + accountId + "/payments").status() == 200);
    }

    private void pay(String accountId, long amountCents, String correlationId) {
        Http.Response response = http.post(Http.SERVICE, system.payment() + "/payments", Map.of(
                        "accountId", accountId,
                        "amountCents", amountCents,
                        "method", "ACH",
                        "channel", "ONLINE",
                        "bankAccountLastFour", "6789"),
                Map.of("Idempotency-Key", UUID.randomUUID().toString(), "X-Correlation-Id", correlationId));
        assertThat(response.status()).as("pay %s: %s", accountId, response.body()).isEqualTo(201);
    }

    private String coverageStatus(String accountId) {
        Http.Response response = http.get(Http.AUDITOR, system.coverage() + "/accounts/" + accountId + "/coverage");
        return response.status() == 200 ? (String) response.body().get("status") : "HTTP " + response.status();
    }

    private List<String> noticeTypes(String accountId) {
        Http.Response response = http.get(Http.AUDITOR, system.notification() + "/accounts/" + accountId + "/notices");
        if (response.status() != 200) {
            return List.of();
        }
        return Http.list(response.body(), "notices").stream().map(notice -> (String) notice.get("type")).toList();
    }

    /** Every record of the account on every topic carries the CloudEvents binary-mode headers. */
    private void assertEveryRecordIsACloudEvent(String accountId) {
        List<ConsumerRecord<String, byte[]>> mine = recordsOf(accountId, found -> {
            Set<String> topics = new java.util.HashSet<>();
            found.forEach(record -> topics.add(record.topic()));
            return topics.size() == 4;
        });
        for (ConsumerRecord<String, byte[]> record : mine) {
            for (String header : List.of("ce_specversion", "ce_id", "ce_type", "ce_source", "ce_subject", "ce_time")) {
                Header value = record.headers().lastHeader(header);
                assertThat(value).as("%s on %s", header, record.topic()).isNotNull();
                assertThat(new String(value.value(), StandardCharsets.UTF_8)).isNotBlank();
            }
            assertThat(CloudEventsCodec.fromRecord(record).subject()).isEqualTo(accountId);
        }
    }

    /** The account's records on every topic, read from the start until {@code enough} holds for them. */
    private List<ConsumerRecord<String, byte[]>> recordsOf(String accountId,
            java.util.function.Predicate<List<ConsumerRecord<String, byte[]>>> enough) {
        Map<String, Object> config = new HashMap<>();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, system.kafkaBootstrapServers());
        config.put(ConsumerConfig.GROUP_ID_CONFIG, "e2e-check-" + UUID.randomUUID());
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        List<ConsumerRecord<String, byte[]>> mine = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(config, new StringDeserializer(),
                new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(Topics.BILLING, Topics.PAYMENTS, Topics.COVERAGE, Topics.NOTICES));
            await().atMost(PATIENCE).until(() -> {
                consumer.poll(Duration.ofMillis(500)).forEach(record -> {
                    if (accountId.equals(record.key())) {
                        mine.add(record);
                    }
                });
                return enough.test(mine);
            });
        }
        return mine;
    }
}
