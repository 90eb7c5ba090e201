package com.premiumledger.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;
import static org.awaitility.Awaitility.await;

import com.premiumledger.deploy.cli.OperatorCli;
import com.premiumledger.platform.testing.PrometheusScrape;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.web.client.RestClient;
import picocli.CommandLine;

/**
 * The operators' tools against the four real services: the CLI's rebuild and status (the balance projection
 * rebuilt while bills are issued; the notice history rebuilt without a notice sent), history, republish and
 * dead letters; every
 * service's /actuator/prometheus with HELP and TYPE for its meters and nothing for promtool to flag; and a
 * Grafana dashboard whose every query names a metric the services expose.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OperatorToolsSystemTest {

    private static final Duration PATIENCE = Duration.ofSeconds(60);

    private RunningSystem system;
    private final Http http = new Http();
    private String accountId;
    private Map<String, PrometheusScrape> scrapes;

    @BeforeAll
    void startAndRunAMonth() {
        system = RunningSystem.start(Map.of());
        accountId = "OPS-" + ThreadLocalRandom.current().nextInt(100_000, 999_999);
        assertThat(http.post(Http.SERVICE, system.billing() + "/accounts", Map.of("accountId", accountId,
                "holderName", "Ops Member", "program", "APTC", "coverageStart", "2027-01-01", "language", "en",
                "email", "ops@example.org")).status()).isEqualTo(201);
        assertThat(http.post(Http.SERVICE, system.billing() + "/accounts/" + accountId + "/bills", Map.of(
                "coverageMonth", "2027-01", "grossPremiumCents", 50_000, "subsidyCents", 30_000)).status())
                .isEqualTo(201);
        // A no-op when a later day is already closed in this JVM's store; payments need a business date.
        assertThat(http.post(Http.OPERATOR, system.billing() + "/calendar/days/2026-12-20/close", null).status())
                .isEqualTo(200);
        await().atMost(PATIENCE).until(() -> http.get(Http.AUDITOR,
                system.payment() + "/accounts/" + accountId + "/payments").status() == 200);
        assertThat(http.post(Http.SERVICE, system.payment() + "/payments", Map.of("accountId", accountId,
                "amountCents", 20_000, "method", "ACH", "channel", "ONLINE", "bankAccountLastFour", "6789"),
                Map.of("Idempotency-Key", UUID.randomUUID().toString())).status()).isEqualTo(201);
        await().atMost(PATIENCE).until(() -> ((Number) http.get(Http.AUDITOR, system.billing() + "/accounts/"
                + accountId + "/balance").body().get("paymentsReceivedCents")).longValue() == 20_000);
        await().atMost(PATIENCE).until(() -> http.get(Http.AUDITOR,
                system.coverage() + "/accounts/" + accountId + "/coverage").status() == 200);
        scrapes = await().atMost(PATIENCE).until(this::scrapeAll, found -> found.values().stream()
                .allMatch(scrape -> !scrape.samples("ledger_consumer_lag").isEmpty()));
    }

    @AfterAll
    void stop() {
        if (system != null) {
            system.close();
        }
    }

    @Test
    void theCliShowsHistoriesRepublishesAndListsDeadLettersOnTheRealServices() {
        Run billing = cli("history", accountId, "--url", system.billing(), "--user", "auditor");
        assertThat(billing.exit()).as(billing.err()).isZero();
        assertThat(billing.out()).contains("Billing history of " + accountId)
                .contains("Balance $0.00  open $0.00  credit $0.00  billed $200.00  payments $200.00")
                .containsPattern("2027-01 +" + accountId + "-2027-01 .* PAID")
                .contains("AccountOpened", "BillIssued", "PaymentApplied");

        String status = (String) http.get(Http.AUDITOR, system.coverage() + "/accounts/" + accountId + "/coverage")
                .body().get("status");
        Run coverage = cli("history", accountId, "--service=coverage", "--url", system.coverage());
        assertThat(coverage.exit()).as(coverage.err()).isZero();
        assertThat(coverage.out()).contains("Coverage history of " + accountId).contains(status + " since");

        Run unknown = cli("history", "NO-SUCH-ACCOUNT", "--url", system.billing());
        assertThat(unknown.exit()).isEqualTo(1);
        assertThat(unknown.err()).contains("error: 404", "[account-not-found]");

        Run republish = cli("republish", "--aggregate", accountId, "--url", system.billing());
        assertThat(republish.exit()).as(republish.err()).isZero();
        assertThat(republish.out()).containsPattern("Republished \\d+ events in \\d+ commits from billing");

        Run letters = cli("dead-letters", "list", "--url", system.coverage(), "--service=coverage");
        assertThat(letters.exit()).as(letters.err()).isZero();
        assertThat(letters.out()).containsPattern("\\d+ dead letters in coverage");
    }

    @Test
    void theCliRebuildsTheBalanceProjectionWhileCommandsContinue() throws Exception {
        Map<String, Object> balanceBefore = http.get(Http.AUDITOR, system.billing() + "/accounts/" + accountId
                + "/balance").body();
        String busy = "OPS-" + ThreadLocalRandom.current().nextInt(100_000, 999_999);
        assertThat(http.post(Http.SERVICE, system.billing() + "/accounts", Map.of("accountId", busy,
                "holderName", "Busy Member", "program", "APTC", "coverageStart", "2027-01-01", "language", "en",
                "email", "busy@example.org")).status()).isEqualTo(201);
        // Bills keep being issued while the balance projection is rebuilt.
        AtomicInteger bills = new AtomicInteger();
        AtomicBoolean stop = new AtomicBoolean();
        Thread loader = new Thread(() -> {
            for (int month = 0; month < 24 && !stop.get(); month++) {
                if (http.post(Http.SERVICE, system.billing() + "/accounts/" + busy + "/bills", Map.of(
                        "coverageMonth", YearMonth.of(2030, 1).plusMonths(month).toString(), "grossPremiumCents",
                        50_000, "subsidyCents", 30_000)).status() == 201) {
                    bills.incrementAndGet();
                }
            }
        }, "bill-loader");
        loader.start();
        Run rebuild;
        try {
            rebuild = cli("rebuild", "billing", "account-views", "--wait", "--interval=200ms", "--url",
                    system.billing());
        } finally {
            stop.set(true);
            loader.join();
        }
        assertThat(rebuild.exit()).as(rebuild.out() + rebuild.err()).isZero();
        assertThat(rebuild.out()).containsPattern("account-views  \\[[#.]{30}\\] +\\d+%  \\d+/(\\d+|\\?) events")
                .contains("Rebuilt account-views in billing");

        Run status = cli("status", "billing", "--url", system.billing());
        assertThat(status.exit()).as(status.err()).isZero();
        assertThat(status.out()).containsPattern("account-views  \\[#{30}\\] 100% .* DONE")
                .contains("ledger-views");
        assertThat(http.get(Http.AUDITOR, system.billing() + "/accounts/" + accountId + "/balance").body())
                .isEqualTo(balanceBefore);
        int issued = bills.get();
        await().atMost(PATIENCE).until(() -> Http.list(http.get(Http.AUDITOR, system.billing() + "/accounts/"
                + busy + "/bills").body(), "bills").size() == issued);
    }

    @Test
    void rebuildingTheNoticeHistorySendsNothing() {
        List<Map<String, Object>> before = issuedNotices();
        PrometheusScrape scrapeBefore = scrape(system.notification());

        Run rebuild = cli("rebuild", "notification", "notice-history", "--wait", "--interval=200ms", "--url",
                system.notification());

        assertThat(rebuild.exit()).as(rebuild.out() + rebuild.err()).isZero();
        assertThat(issuedNotices()).isNotEmpty().isEqualTo(before);
        PrometheusScrape scrapeAfter = scrape(system.notification());
        // Nothing published: notification publishes only NoticeIssued, when a trigger issues a notice. (Sent and
        // failed deliveries are left out: the delivery worker retries on its own schedule, rebuild or not.)
        assertThat(total(scrapeAfter, "ledger_outbox_published_events_total"))
                .isEqualTo(total(scrapeBefore, "ledger_outbox_published_events_total"));
        Run unknown = cli("rebuild", "notification", "notice-dispatcher", "--url", system.notification());
        assertThat(unknown.exit()).isEqualTo(1);
        assertThat(unknown.err()).contains("error: 404", "[projection-not-found]");
    }

    @Test
    void coverageAndPaymentHistoriesAreRebuiltToWhatTheyWere() {
        String coverage = system.coverage() + "/accounts/" + accountId + "/coverage";
        String payments = system.payment() + "/accounts/" + accountId + "/payments";
        Map<String, Object> coverageBefore = http.get(Http.AUDITOR, coverage).body();
        Map<String, Object> paymentsBefore = http.get(Http.AUDITOR, payments).body();

        Run coverageRebuild = cli("rebuild", "coverage", "coverage-views", "--wait", "--interval=200ms", "--url",
                system.coverage());
        Run paymentRebuild = cli("rebuild", "payment", "payment-history", "--wait", "--interval=200ms", "--url",
                system.payment());

        assertThat(coverageRebuild.exit()).as(coverageRebuild.out() + coverageRebuild.err()).isZero();
        assertThat(paymentRebuild.exit()).as(paymentRebuild.out() + paymentRebuild.err()).isZero();
        assertThat(http.get(Http.AUDITOR, coverage).body()).isEqualTo(coverageBefore);
        assertThat(http.get(Http.AUDITOR, payments).body()).isEqualTo(paymentsBefore);
    }

    /** The account's notices as the notice history holds them (delivery attempts and status change apart). */
    private List<Map<String, Object>> issuedNotices() {
        List<String> issued = List.of("noticeId", "accountId", "type", "channel", "createdAt", "amountCents",
                "payByDate", "triggerEventId");
        return Http.list(http.get(Http.AUDITOR, system.notification() + "/accounts/" + accountId + "/notices")
                .body(), "notices").stream().map(notice -> {
                    Map<String, Object> fields = new LinkedHashMap<>();
                    issued.forEach(field -> fields.put(field, notice.get(field)));
                    return fields;
                }).toList();
    }

    private static double total(PrometheusScrape scrape, String family) {
        return scrape.families().values().stream().flatMap(found -> found.samples().stream())
                .filter(sample -> sample.startsWith(family + "{") || sample.startsWith(family + " "))
                .mapToDouble(sample -> Double.parseDouble(sample.substring(sample.lastIndexOf(' ') + 1))).sum();
    }

    @Test
    void everyServiceDescribesItsMetersForPrometheus() {
        Map<String, List<String>> counters = Map.of(
                "billing", List.of("axon_commands_succeeded", "axon_commands_failed", "ledger_billing_billed_cents",
                        "ledger_billing_paid_cents"),
                "payment", List.of("axon_commands_succeeded", "axon_commands_failed"),
                "coverage", List.of("axon_commands_succeeded", "axon_commands_failed"),
                "notification", List.of());
        scrapes.forEach((service, scrape) -> {
            for (String family : counters.get(service)) {
                assertDescribed(service, scrape, family, "counter");
            }
            assertDescribed(service, scrape, "ledger_outbox_published_events", "counter");
            assertDescribed(service, scrape, "ledger_consumer_dead_letters", "counter");
            assertDescribed(service, scrape, "ledger_consumer_lag", "gauge");
            assertThat(scrape.familiesWithoutHelp()).as("%s families without HELP", service).isEmpty();
        });
        assertDescribed("coverage", scrapes.get("coverage"), "ledger_coverage_accounts", "gauge");
    }

    @Test
    void everyServiceScrapePassesPromtool() throws Exception {
        assumeThat(PrometheusScrape.promtoolAvailable()).as("promtool on PATH").isTrue();
        for (Map.Entry<String, PrometheusScrape> scrape : scrapeAll().entrySet()) {
            assertThat(scrape.getValue().promtoolProblems()).as("promtool on %s", scrape.getKey()).isEmpty();
        }
    }

    @Test
    void everyDashboardQueryNamesAMetricTheServicesExpose() throws Exception {
        Set<String> exposed = new TreeSet<>();
        scrapes.values().forEach(scrape -> scrape.families().values().forEach(family -> family.samples()
                .forEach(sample -> exposed.add(sample.split("[{ ]", 2)[0]))));
        Set<String> queried = GrafanaDashboardTest.metricNames(GrafanaDashboardTest.dashboard());
        Set<String> missing = new TreeSet<>(queried);
        missing.removeAll(exposed);
        assertThat(missing).as("queried by the dashboard but exposed by no service")
                .isEmpty();
    }

    private Map<String, PrometheusScrape> scrapeAll() {
        Map<String, PrometheusScrape> found = new LinkedHashMap<>();
        found.put("billing", scrape(system.billing()));
        found.put("payment", scrape(system.payment()));
        found.put("coverage", scrape(system.coverage()));
        found.put("notification", scrape(system.notification()));
        return found;
    }

    private static PrometheusScrape scrape(String service) {
        String text = RestClient.create().get().uri(service + "/actuator/prometheus")
                .headers(headers -> headers.setBasicAuth("auditor", "auditor-local-only", StandardCharsets.UTF_8))
                .retrieve().body(String.class);
        return PrometheusScrape.of(text);
    }

    private static void assertDescribed(String service, PrometheusScrape scrape, String family, String type) {
        PrometheusScrape.Family found = scrape.family(family).orElseThrow(() ->
                new AssertionError(service + " exposes no " + family));
        assertThat(found.type()).as("%s TYPE of %s", service, family).isEqualTo(type);
        assertThat(found.help()).as("%s HELP of %s", service, family).isNotBlank()
                .doesNotContain(PrometheusScrape.LIBRARY_FALLBACK);
        assertThat(found.samples()).as("%s samples of %s", service, family).isNotEmpty();
    }

    record Run(int exit, String out, String err) {
    }

    private static Run cli(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine commandLine = OperatorCli.commandLine();
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        int exit = commandLine.execute(args);
        return new Run(exit, out.toString(), err.toString());
    }
}
