package com.premiumledger.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.premiumledger.platform.embedded.EmbeddedKafkaBroker;
import com.premiumledger.platform.embedded.EmbeddedMongoServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Nothing accepted is lost or applied twice when services or the broker restart. Runs on its own broker
 * and store (not the JVM-wide embedded ones) because it stops them.
 */
class RestartTest {

    private static final Duration PATIENCE = Duration.ofSeconds(90);
    private final Http http = new Http();

    @Test
    void servicesAndTheBrokerRestartWithoutLosingOrRepeatingAnything() throws Exception {
        Path kafkaData = Files.createTempDirectory("restart-kafka");
        EmbeddedKafkaBroker kafka = EmbeddedKafkaBroker.start(kafkaData, 0, 2);
        String bootstrap = kafka.bootstrapServers();
        int kafkaPort = Integer.parseInt(bootstrap.substring(bootstrap.lastIndexOf(':') + 1));
        try (EmbeddedMongoServer mongo = EmbeddedMongoServer.start(null, 0);
             RunningSystem system = RunningSystem.start(Map.of(
                     "spring.kafka.bootstrap-servers", bootstrap,
                     "spring.data.mongodb.uri", mongo.connectionString(),
                     "premium.consumer.partitions", "2",
                     "premium.outbox.sweep-interval", "500ms",
                     "premium.outbox.sweep-min-age", "1s"))) {
            String account = "RST-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
            post(system.billing() + "/accounts", Map.of("accountId", account, "holderName", "Rita Restart",
                    "program", "APTC", "coverageStart", "2027-01-01", "language", "en", "email", "rita@example.org"), 201);

            // Consumers down while events happen: they catch up from their committed offsets.
            system.stop(RunningSystem.COVERAGE);
            system.stop(RunningSystem.NOTIFICATION);
            post(system.billing() + "/accounts/" + account + "/bills",
                    Map.of("coverageMonth", "2027-01", "grossPremiumCents", 40_000, "subsidyCents", 10_000), 201);
            await().atMost(PATIENCE).until(() ->
                    http.get(Http.AUDITOR, system.payment() + "/accounts/" + account + "/payments").status() == 200);
            http.post(Http.SERVICE, system.payment() + "/payments", Map.of("accountId", account, "amountCents", 30_000,
                    "method", "CHECK", "channel", "MAIL", "checkNumber", "1042"), Map.of("Idempotency-Key", "rst-" + account));
            system.restart(RunningSystem.COVERAGE);
            system.restart(RunningSystem.NOTIFICATION);
            await().atMost(PATIENCE).untilAsserted(() -> assertThat(coverage(system, account)).isEqualTo("ACTIVE"));
            await().atMost(PATIENCE).untilAsserted(() ->
                    assertThat(notices(system, account)).containsExactlyInAnyOrder("BILL_READY", "PAYMENT_RECEIVED"));

            // The broker goes away; a bill is accepted meanwhile; it arrives once the broker is back.
            long stopping = System.nanoTime();
            kafka.close();
            System.out.printf("broker stopped in %d ms%n", (System.nanoTime() - stopping) / 1_000_000);
            long accepting = System.nanoTime();
            post(system.billing() + "/accounts/" + account + "/bills",
                    Map.of("coverageMonth", "2027-02", "grossPremiumCents", 40_000, "subsidyCents", 10_000), 201);
            System.out.printf("bill accepted without a broker in %d ms%n", (System.nanoTime() - accepting) / 1_000_000);
            kafka = EmbeddedKafkaBroker.start(kafkaData, kafkaPort, 2);
            await().atMost(PATIENCE).untilAsserted(() ->
                    assertThat(balanceCents(system, account)).isEqualTo(30_000));

            // Billing restarts: its aggregates and projections come back from the store and the log.
            system.stop(RunningSystem.BILLING);
            system.restart(RunningSystem.BILLING);
            post(system.billing() + "/accounts/" + account + "/bills",
                    Map.of("coverageMonth", "2027-02", "grossPremiumCents", 40_000, "subsidyCents", 10_000), 200);
            await().atMost(PATIENCE).untilAsserted(() ->
                    assertThat(notices(system, account)).containsExactlyInAnyOrder(
                            "BILL_READY", "PAYMENT_RECEIVED", "BILL_READY"));
            assertThat(balanceCents(system, account)).isEqualTo(30_000);
            assertThat(coverage(system, account)).isEqualTo("ACTIVE");
        } finally {
            kafka.close();
        }
    }

    private void post(String url, Map<String, Object> body, int expectedStatus) {
        Http.Response response = http.post(Http.SERVICE, url, body);
        assertThat(response.status()).as("%s: %s", url, response.body()).isEqualTo(expectedStatus);
    }

    private String coverage(RunningSystem system, String account) {
        Http.Response response = http.get(Http.AUDITOR, system.coverage() + "/accounts/" + account + "/coverage");
        return response.status() == 200 ? (String) response.body().get("status") : "HTTP " + response.status();
    }

    private List<String> notices(RunningSystem system, String account) {
        Http.Response response = http.get(Http.AUDITOR, system.notification() + "/accounts/" + account + "/notices");
        return response.status() != 200 ? List.of()
                : Http.list(response.body(), "notices").stream().map(notice -> (String) notice.get("type")).toList();
    }

    private long balanceCents(RunningSystem system, String account) {
        Http.Response response = http.get(Http.AUDITOR, system.billing() + "/accounts/" + account + "/balance");
        return response.status() == 200 ? ((Number) response.body().get("balanceCents")).longValue() : -1;
    }
}
