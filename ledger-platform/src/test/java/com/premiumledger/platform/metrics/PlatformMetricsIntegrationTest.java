package com.premiumledger.platform.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;
import static org.awaitility.Awaitility.await;

import com.premiumledger.platform.testapp.TestLedgerApplication;
import com.premiumledger.platform.testapp.TestSupport;
import com.premiumledger.platform.testing.PrometheusScrape;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.util.UUID;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/**
 * The scrape a service on the platform serves: every family described, Axon's command metrics by type,
 * events published, consumer lag per group, topic and partition, dead letters; clean for promtool.
 * Tests switch metrics export off unless asked ({@code @AutoConfigureObservability}), so this context is
 * its own, with its own consumer groups and database.
 */
@SpringBootTest(classes = TestLedgerApplication.class, properties = {
        "spring.config.name=premium-platform,test-ledger",
        "spring.application.name=test-ledger-metrics",
        "spring.data.mongodb.database=platform-metrics-test",
        "premium.outbox.topic=premium.billing.v1",
        "premium.outbox.source=/premium-ledger/test"})
@ActiveProfiles("local")
@AutoConfigureObservability(tracing = false)
class PlatformMetricsIntegrationTest {

    @Autowired
    CommandGateway commands;
    @Autowired
    TestSupport support;
    @Autowired
    PrometheusMeterRegistry prometheus;

    private String accountId;

    @BeforeEach
    void sendCommands() {
        accountId = "M-" + UUID.randomUUID();
        commands.sendAndWait(new TestSupport.OpenCommand(accountId).toCommand());
        commands.sendAndWait(support.bill(accountId, "2027-01"));
        await().atMost(Duration.ofSeconds(30)).until(() -> support.received(accountId).size() == 2);
    }

    @Test
    void ourMetersAreThereWithHelpAndType() {
        PrometheusScrape scrape = await().atMost(Duration.ofSeconds(30)).until(
                () -> PrometheusScrape.of(prometheus.scrape()),
                candidate -> candidate.samples("ledger_consumer_lag").stream()
                        .anyMatch(sample -> sample.contains("consumer_group=\"test-ledger-metrics.events\"")));
        assertDescribed(scrape, "axon_commands_succeeded", "counter");
        assertDescribed(scrape, "axon_commands_failed", "counter");
        assertDescribed(scrape, "ledger_outbox_published_events", "counter");
        assertDescribed(scrape, "ledger_consumer_lag", "gauge");
        assertDescribed(scrape, "ledger_consumer_dead_letters", "counter");
        assertDescribed(scrape, "ledger_consumer_events", "counter");
        assertThat(scrape.samples("axon_commands_succeeded"))
                .anyMatch(sample -> sample.contains("payload_type=\"Open\""))
                .anyMatch(sample -> sample.contains("payload_type=\"Bill\""));
        assertThat(scrape.samples("ledger_consumer_lag")).anyMatch(sample ->
                sample.contains("topic=\"premium.billing.v1\"") && sample.contains("partition=\""));
        assertThat(scrape.samples("ledger_consumer_dead_letters"))
                .anyMatch(sample -> sample.contains("handler=\"events\""));
        assertThat(scrape.familiesWithoutHelp()).isEmpty();
        assertThat(scrape.families().keySet()).noneMatch(name -> name.chars().anyMatch(Character::isUpperCase));
    }

    @Test
    void theScrapePassesPromtool() throws Exception {
        assumeThat(PrometheusScrape.promtoolAvailable()).as("promtool on PATH").isTrue();
        assertThat(PrometheusScrape.of(prometheus.scrape()).promtoolProblems()).isEmpty();
    }

    static void assertDescribed(PrometheusScrape scrape, String family, String type) {
        PrometheusScrape.Family found = scrape.family(family).orElseThrow(() ->
                new AssertionError("no family " + family + " in the scrape; families: " + scrape.families().keySet()));
        assertThat(found.type()).as("TYPE of %s", family).isEqualTo(type);
        assertThat(found.help()).as("HELP of %s", family).isNotBlank()
                .doesNotContain(PrometheusScrape.LIBRARY_FALLBACK);
        assertThat(found.samples()).as("samples of %s", family).isNotEmpty();
    }
}
