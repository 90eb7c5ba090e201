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
 * The coverage issue's two examples and a reinstatement after suspension, driven only through the HTTP APIs
 * and the business calendar, across all four services. Runs on its own broker and store (the calendar is
 * global, and this test needs it to start before 2026-12-20) with three partitions per topic, so the
 * calendar's days and the accounts' events travel on different partitions.
 *
 * <ul>
 *   <li>APTC, never pays February: GRACE on 2027-01-24 (grace 2027-02-01 to 2027-04-30), SUSPENDED on
 *       2027-03-01, TERMINATED on 2027-05-01 effective 2027-02-28.</li>
 *   <li>APTC, suspended, pays February and March on 2027-03-15: ACTIVE again from 2027-03-15.</li>
 *   <li>UNSUBSIDIZED, never pays February: GRACE on 2027-01-24 ending 2027-02-22, TERMINATED on 2027-02-23
 *       effective 2027-01-31.</li>
 * </ul>
 */
class CoverageLifecycleEndToEndTest {

    private static final Duration PATIENCE = Duration.ofSeconds(90);

    private final Http http = new Http();

    @Test
    void exchangeExamplesHoldEndToEnd() throws Exception {
        Path kafkaData = Files.createTempDirectory("coverage-e2e-kafka");
        String run = UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        String terminated = "APTC-T-" + run;
        String reinstated = "APTC-R-" + run;
        String unsubsidized = "UNS-" + run;
        try (EmbeddedKafkaBroker kafka = EmbeddedKafkaBroker.start(kafkaData, 0, 3);
             EmbeddedMongoServer mongo = EmbeddedMongoServer.start(null, 0);
             RunningSystem system = RunningSystem.start(Map.of(
                     "spring.kafka.bootstrap-servers", kafka.bootstrapServers(),
                     "spring.data.mongodb.uri", mongo.connectionString(),
                     "premium.consumer.partitions", "3"))) {
            Steps steps = new Steps(system);
            steps.open(terminated, "APTC");
            steps.open(reinstated, "APTC");
            steps.open(unsubsidized, "UNSUBSIDIZED");
            for (String account : List.of(terminated, reinstated)) {
                steps.bill(account, "2027-01", 30_000);
                steps.bill(account, "2027-02", 30_000);
            }
            steps.bill(unsubsidized, "2027-01", 0);
            steps.bill(unsubsidized, "2027-02", 0);

            // January (the binder) paid on 2026-12-20: ACTIVE from the coverage start.
            steps.close("2026-12-20");
            steps.pay(terminated, 20_000, "2026-12-20");
            steps.pay(reinstated, 20_000, "2026-12-20");
            steps.pay(unsubsidized, 50_000, "2026-12-20");
            for (String account : List.of(terminated, reinstated, unsubsidized)) {
                steps.awaitCoverage(account, "ACTIVE", "2027-01-01", "2027-01-31", null, null, null);
            }

            // February (due 2027-01-23) unpaid: the close of 2027-01-24 records the miss and starts grace.
            steps.close("2027-01-24");
            steps.awaitCoverage(terminated, "GRACE", "2027-01-24", "2027-01-31", "2027-02-01", "2027-04-30", null);
            steps.awaitCoverage(reinstated, "GRACE", "2027-01-24", "2027-01-31", "2027-02-01", "2027-04-30", null);
            steps.awaitCoverage(unsubsidized, "GRACE", "2027-01-24", "2027-01-31", "2027-01-24", "2027-02-22", null);

            // Bills keep being issued during grace.
            for (String account : List.of(terminated, reinstated)) {
                steps.bill(account, "2027-03", 30_000);
                steps.bill(account, "2027-04", 30_000);
            }

            // State rule: the first day closed after the 30 days of grace terminates, back to January's end.
            steps.close("2027-02-23");
            steps.awaitCoverage(unsubsidized, "TERMINATED", "2027-01-31", "2027-01-31", "2027-01-24",
                    "2027-02-22", "2027-01-31");
            steps.awaitCoverage(terminated, "GRACE", "2027-01-24", "2027-01-31", "2027-02-01", "2027-04-30", null);

            // APTC: suspended from the first day of grace month 2.
            steps.close("2027-03-01");
            steps.awaitCoverage(terminated, "SUSPENDED", "2027-03-01", "2027-01-31", "2027-02-01", "2027-04-30", null);
            steps.awaitCoverage(reinstated, "SUSPENDED", "2027-03-01", "2027-01-31", "2027-02-01", "2027-04-30", null);

            // Paying every past-due bill (February and March) in full on 2027-03-15 reinstates.
            steps.close("2027-03-15");
            steps.pay(reinstated, 40_000, "2027-03-15");
            steps.awaitCoverage(reinstated, "ACTIVE", "2027-03-15", "2027-03-31", null, null, null);
            // April (due 2027-03-23) paid ahead moves only the paid-through date (else its miss would start a new
            // grace on 2027-03-24).
            steps.pay(reinstated, 20_000, "2027-03-15");
            steps.awaitCoverage(reinstated, "ACTIVE", "2027-03-15", "2027-04-30", null, null, null);

            // Unpaid to the end of grace month 3: terminated, effective the last day of grace month 1.
            steps.close("2027-05-01");
            steps.awaitCoverage(terminated, "TERMINATED", "2027-02-28", "2027-01-31", "2027-02-01", "2027-04-30",
                    "2027-02-28");
            steps.awaitCoverage(reinstated, "ACTIVE", "2027-03-15", "2027-04-30", null, null, null);

            assertThat(steps.history(terminated)).containsExactly(
                    "null>PENDING_PAYMENT@2027-01-01", "PENDING_PAYMENT>ACTIVE@2027-01-01",
                    "ACTIVE>GRACE@2027-01-24", "GRACE>SUSPENDED@2027-03-01", "SUSPENDED>TERMINATED@2027-02-28");
            assertThat(steps.history(reinstated)).containsExactly(
                    "null>PENDING_PAYMENT@2027-01-01", "PENDING_PAYMENT>ACTIVE@2027-01-01",
                    "ACTIVE>GRACE@2027-01-24", "GRACE>SUSPENDED@2027-03-01", "SUSPENDED>ACTIVE@2027-03-15");
            assertThat(steps.history(unsubsidized)).containsExactly(
                    "null>PENDING_PAYMENT@2027-01-01", "PENDING_PAYMENT>ACTIVE@2027-01-01",
                    "ACTIVE>GRACE@2027-01-24", "GRACE>TERMINATED@2027-01-31");
            assertThat(steps.byStatus("TERMINATED")).contains(terminated, unsubsidized).doesNotContain(reinstated);
            assertThat(steps.byStatus("ACTIVE")).contains(reinstated);
            assertThat(steps.byStatus("SUSPENDED")).doesNotContain(terminated, reinstated, unsubsidized);
        }
    }

    /** The HTTP calls of the scenario, each checked for the status it must answer. */
    private final class Steps {

        private final RunningSystem system;

        Steps(RunningSystem system) {
            this.system = system;
        }

        void open(String accountId, String program) {
            Http.Response response = http.post(Http.SERVICE, system.billing() + "/accounts", Map.of(
                    "accountId", accountId, "holderName", "Member " + accountId, "program", program,
                    "coverageStart", "2027-01-01", "language", "en", "email", accountId.toLowerCase() + "@example.org"));
            assertThat(response.status()).as("open %s: %s", accountId, response.body()).isEqualTo(201);
        }

        void bill(String accountId, String coverageMonth, long subsidyCents) {
            Http.Response response = http.post(Http.SERVICE, system.billing() + "/accounts/" + accountId + "/bills",
                    Map.of("coverageMonth", coverageMonth, "grossPremiumCents", 50_000, "subsidyCents", subsidyCents));
            assertThat(response.status()).as("bill %s %s: %s", accountId, coverageMonth, response.body())
                    .isEqualTo(201);
        }

        void close(String date) {
            Http.Response response = http.post(Http.OPERATOR, system.billing() + "/calendar/days/" + date + "/close",
                    null);
            assertThat(response.status()).as("close %s: %s", date, response.body()).isEqualTo(200);
        }

        /**
         * The payment service learns accounts and the business date from billing's events, so until it has
         * seen them it refuses the payment (unknown account, or a received date after its business date) and
         * writes nothing; the same Idempotency-Key is sent again until it is accepted.
         */
        void pay(String accountId, long amountCents, String receivedDate) {
            Map<String, Object> body = Map.of("accountId", accountId, "amountCents", amountCents, "method", "ACH",
                    "channel", "ONLINE", "bankAccountLastFour", "6789", "receivedDate", receivedDate);
            String key = "pay-" + UUID.randomUUID();
            await().atMost(PATIENCE).untilAsserted(() -> {
                Http.Response response = http.post(Http.SERVICE, system.payment() + "/payments", body,
                        Map.of("Idempotency-Key", key));
                assertThat(response.status()).as("pay %s: %s", accountId, response.body()).isEqualTo(201);
            });
        }

        void awaitCoverage(String accountId, String status, String since, String paidThrough, String graceStart,
                           String graceEnd, String terminationEffective) {
            await().atMost(PATIENCE).untilAsserted(() -> {
                Http.Response response = http.get(Http.AUDITOR, system.coverage() + "/accounts/" + accountId
                        + "/coverage");
                assertThat(response.status()).as("coverage of %s", accountId).isEqualTo(200);
                Map<String, Object> coverage = response.body();
                assertThat(coverage.get("status")).as("status of %s", accountId).isEqualTo(status);
                assertThat(coverage.get("since")).as("since, %s", accountId).isEqualTo(since);
                assertThat(coverage.get("paidThroughDate")).as("paid through, %s", accountId).isEqualTo(paidThrough);
                assertThat(coverage.get("graceStart")).as("grace start, %s", accountId).isEqualTo(graceStart);
                assertThat(coverage.get("graceEnd")).as("grace end, %s", accountId).isEqualTo(graceEnd);
                assertThat(coverage.get("terminationEffectiveDate")).as("termination, %s", accountId)
                        .isEqualTo(terminationEffective);
            });
        }

        List<String> history(String accountId) {
            Map<String, Object> coverage = http.get(Http.AUDITOR, system.coverage() + "/accounts/" + accountId
                    + "/coverage").body();
            return Http.list(coverage, "history").stream()
                    .map(entry -> entry.get("fromStatus") + ">" + entry.get("toStatus") + "@" + entry.get("effectiveDate"))
                    .toList();
        }

        List<String> byStatus(String status) {
            Http.Response response = http.get(Http.AUDITOR, system.coverage() + "/coverage?status=" + status
                    + "&size=200");
            assertThat(response.status()).isEqualTo(200);
            @SuppressWarnings("unchecked")
            List<String> accountIds = (List<String>) response.body().get("accountIds");
            return accountIds;
        }
    }
}
