package com.premiumledger.billing.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;
import static org.awaitility.Awaitility.await;

import com.premiumledger.platform.testing.PrometheusScrape;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.ActiveProfiles;

/**
 * Billing's /actuator/prometheus: amounts billed and paid in cents, commands by type, events published,
 * consumer lag and dead letters, each with HELP and TYPE; and promtool finds nothing to say.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.config.name=premium-platform,billing-service")
@ActiveProfiles("local")
@AutoConfigureObservability(tracing = false)
class BillingMetricsIntegrationTest {

    private static final Duration PATIENCE = Duration.ofSeconds(30);

    @Autowired
    TestRestTemplate rest;

    /**
     * Which instance counts an event depends on who owns its partition (another billing context of this JVM
     * may), so the counting itself is AmountMetersTest's and AccountViewRedeliveryTest's; here the scrape must
     * describe every meter. The amounts are counted by the account views' consumer, so its lag is awaited.
     */
    @Test
    void everyMeterIsDescribedWithHelpAndType() {
        String accountId = "MET-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        post("/accounts", Map.of("accountId", accountId, "holderName", "Member", "program", "APTC",
                "coverageStart", "2027-01-01", "language", "en", "email", "member@example.org"));
        post("/accounts/" + accountId + "/bills",
                Map.of("coverageMonth", "2031-01", "grossPremiumCents", 50_000, "subsidyCents", 30_000));

        PrometheusScrape scrape = await().atMost(PATIENCE).until(this::scrape, candidate ->
                candidate.samples("ledger_consumer_lag").stream()
                        .anyMatch(sample -> sample.contains("billing-service.events")));
        assertDescribed(scrape, "ledger_billing_billed_cents", "counter");
        assertDescribed(scrape, "ledger_billing_paid_cents", "counter");
        assertDescribed(scrape, "axon_commands_succeeded", "counter");
        assertDescribed(scrape, "axon_commands_failed", "counter");
        assertDescribed(scrape, "ledger_outbox_published_events", "counter");
        assertDescribed(scrape, "ledger_consumer_lag", "gauge");
        assertDescribed(scrape, "ledger_consumer_dead_letters", "counter");
        assertThat(scrape.samples("axon_commands_succeeded"))
                .anyMatch(sample -> sample.contains("payload_type=\"IssueBillCommand\""));
        assertThat(scrape.samples("ledger_consumer_lag")).anyMatch(sample ->
                sample.contains("consumer_group=\"billing-service.events\"")
                        && sample.contains("topic=\"premium.billing.v1\"") && sample.contains("partition=\""));
        assertThat(scrape.familiesWithoutHelp()).isEmpty();
    }

    @Test
    void theScrapePassesPromtool() throws Exception {
        assumeThat(PrometheusScrape.promtoolAvailable()).as("promtool on PATH").isTrue();
        // Requests first, so that the HTTP server meters are in the scrape too.
        rest.withBasicAuth("auditor", "auditor-local-only").getForEntity("/accounts/NONE/balance", String.class);
        assertThat(scrape().promtoolProblems()).isEmpty();
    }

    private PrometheusScrape scrape() {
        ResponseEntity<String> response = rest.withBasicAuth("auditor", "auditor-local-only")
                .getForEntity("/actuator/prometheus", String.class);
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        return PrometheusScrape.of(response.getBody());
    }

    private void post(String path, Object body) {
        ResponseEntity<String> response = rest.withBasicAuth("service", "service-local-only")
                .postForEntity(path, body, String.class);
        assertThat(response.getStatusCode()).as("%s", response.getBody()).isEqualTo(HttpStatus.CREATED);
    }

    static void assertDescribed(PrometheusScrape scrape, String family, String type) {
        PrometheusScrape.Family found = scrape.family(family).orElseThrow(() ->
                new AssertionError("no family " + family + " in the scrape"));
        assertThat(found.type()).as("TYPE of %s", family).isEqualTo(type);
        assertThat(found.help()).as("HELP of %s", family).isNotBlank()
                .doesNotContain(PrometheusScrape.LIBRARY_FALLBACK);
        assertThat(found.samples()).as("samples of %s", family).isNotEmpty();
    }
}
