package com.premiumledger.coverage.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;
import static org.awaitility.Awaitility.await;

import com.premiumledger.coverage.CoverageServiceTest;
import com.premiumledger.events.AccountOpened;
import com.premiumledger.events.Topics;
import com.premiumledger.platform.testing.PrometheusScrape;
import com.premiumledger.platform.testing.TestEvents;
import java.time.Duration;
import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/** Coverage's /actuator/prometheus: accounts by status from the status index, and the platform's meters. */
@CoverageServiceTest
class CoverageMetricsIntegrationTest {

    @Autowired
    TestRestTemplate rest;
    @Value("${spring.kafka.bootstrap-servers}")
    String bootstrapServers;

    @Test
    void accountsByStatusAreCountedAndEveryFamilyIsDescribed() {
        double pendingBefore = value(scrape(), "PENDING_PAYMENT");
        String accountId = "M-" + UUID.randomUUID();
        try (TestEvents events = new TestEvents(bootstrapServers)) {
            events.send(Topics.BILLING, TestEvents.envelope(accountId, 0, new AccountOpened(accountId, "Ada Member",
                    "APTC", LocalDate.of(2027, 1, 1), "en", null, "service")));
        }
        PrometheusScrape scrape = await().atMost(Duration.ofSeconds(30)).until(this::scrape,
                candidate -> value(candidate, "PENDING_PAYMENT") >= pendingBefore + 1
                        && !candidate.samples("ledger_consumer_lag").isEmpty());
        for (String family : new String[] {"ledger_coverage_accounts", "ledger_consumer_lag"}) {
            assertDescribed(scrape, family, "gauge");
        }
        for (String family : new String[] {"axon_commands_succeeded", "axon_commands_failed",
                "ledger_outbox_published_events", "ledger_consumer_dead_letters"}) {
            assertDescribed(scrape, family, "counter");
        }
        assertThat(scrape.samples("ledger_coverage_accounts")).hasSize(6)
                .anyMatch(sample -> sample.contains("status=\"TERMINATED\""));
        assertThat(scrape.familiesWithoutHelp()).isEmpty();
    }

    @Test
    void theScrapePassesPromtool() throws Exception {
        assumeThat(PrometheusScrape.promtoolAvailable()).as("promtool on PATH").isTrue();
        rest.withBasicAuth("auditor", "auditor-local-only").getForEntity("/coverage?status=ACTIVE", String.class);
        assertThat(scrape().promtoolProblems()).isEmpty();
    }

    private PrometheusScrape scrape() {
        ResponseEntity<String> response = rest.withBasicAuth("auditor", "auditor-local-only")
                .getForEntity("/actuator/prometheus", String.class);
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        return PrometheusScrape.of(response.getBody());
    }

    private static double value(PrometheusScrape scrape, String status) {
        return scrape.samples("ledger_coverage_accounts").stream()
                .filter(sample -> sample.contains("status=\"" + status + "\""))
                .mapToDouble(sample -> Double.parseDouble(sample.substring(sample.lastIndexOf(' ') + 1)))
                .findFirst().orElse(0);
    }

    private static void assertDescribed(PrometheusScrape scrape, String family, String type) {
        PrometheusScrape.Family found = scrape.family(family).orElseThrow(() ->
                new AssertionError("no family " + family + " in the scrape"));
        assertThat(found.type()).as("TYPE of %s", family).isEqualTo(type);
        assertThat(found.help()).as("HELP of %s", family).isNotBlank()
                .doesNotContain(PrometheusScrape.LIBRARY_FALLBACK);
        assertThat(found.samples()).as("samples of %s", family).isNotEmpty();
    }
}
