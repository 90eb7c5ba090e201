package com.premiumledger.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.premiumledger.platform.testing.PrometheusScrape;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * The dashboard and the scrape configuration as files: a Prometheus datasource variable used by every panel,
 * a query on every panel, a panel for every metric operators watch, and the four services scraped with the
 * auditor's credentials. That each query's metric is really exposed is checked against live scrapes in
 * {@link OperatorToolsSystemTest}.
 */
class GrafanaDashboardTest {

    static final Path DASHBOARD = Path.of("grafana/premium-ledger.json");
    static final Path PROMETHEUS = Path.of("prometheus.yml");

    /** What operators watch (issue 7.6), each of which the dashboard must chart. */
    static final List<String> WATCHED = List.of("axon_commands_succeeded_total", "axon_commands_failed_total",
            "ledger_outbox_published_events_total", "ledger_consumer_lag", "ledger_consumer_dead_letters_total",
            "ledger_coverage_accounts", "ledger_billing_billed_cents_total", "ledger_billing_paid_cents_total",
            "ledger_notices_sent_total", "ledger_notices_failed_total", "ledger_projection_rebuild_events_processed",
            "ledger_projection_rebuild_events_remaining", "ledger_projection_rebuild_state");

    private static final Pattern METRIC = Pattern.compile("\\b((?:ledger|axon|http|kafka|jvm|process)_[a-z0-9_]+)\\b");

    static JsonNode dashboard() throws IOException {
        return new ObjectMapper().readTree(Files.readString(DASHBOARD));
    }

    static List<JsonNode> queryPanels(JsonNode dashboard) {
        List<JsonNode> panels = new ArrayList<>();
        dashboard.get("panels").forEach(panel -> {
            if (!"row".equals(panel.path("type").asText())) {
                panels.add(panel);
            }
        });
        return panels;
    }

    static Set<String> metricNames(JsonNode dashboard) {
        Set<String> names = new TreeSet<>();
        for (JsonNode panel : queryPanels(dashboard)) {
            for (JsonNode target : panel.get("targets")) {
                Matcher matcher = METRIC.matcher(target.get("expr").asText());
                while (matcher.find()) {
                    names.add(matcher.group(1));
                }
            }
        }
        return names;
    }

    @Test
    void everyPanelQueriesPrometheusThroughTheDatasourceVariable() throws IOException {
        JsonNode dashboard = dashboard();
        List<String> variables = new ArrayList<>();
        dashboard.at("/templating/list").forEach(variable -> variables.add(variable.get("name").asText()
                + ":" + variable.get("type").asText() + ":" + variable.path("query").asText()));
        assertThat(variables).contains("datasource:datasource:prometheus");
        Set<Integer> ids = new HashSet<>();
        for (JsonNode panel : dashboard.get("panels")) {
            assertThat(ids.add(panel.get("id").asInt())).as("unique id %s", panel.get("id")).isTrue();
        }
        List<JsonNode> panels = queryPanels(dashboard);
        assertThat(panels).hasSizeGreaterThanOrEqualTo(WATCHED.size() / 2);
        for (JsonNode panel : panels) {
            String title = panel.get("title").asText();
            assertThat(panel.at("/datasource/uid").asText()).as("datasource of %s", title).isEqualTo("${datasource}");
            assertThat(panel.get("targets")).as("queries of %s", title).isNotEmpty();
            panel.get("targets").forEach(target -> assertThat(target.get("expr").asText()).as("query of %s", title)
                    .isNotBlank());
        }
    }

    @Test
    void everyWatchedMetricHasAPanel() throws IOException {
        assertThat(metricNames(dashboard())).containsAll(WATCHED);
    }

    @Test
    void prometheusScrapesTheFourServicesAsTheAuditor() throws Exception {
        Map<String, Object> config = new Yaml().load(Files.readString(PROMETHEUS));
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> jobs = (List<Map<String, Object>>) config.get("scrape_configs");
        List<String> targets = new ArrayList<>();
        for (Map<String, Object> job : jobs) {
            assertThat(job.get("metrics_path")).isEqualTo("/actuator/prometheus");
            assertThat(job.get("basic_auth")).isEqualTo(Map.of("username", "auditor", "password", "auditor-local-only"));
            @SuppressWarnings("unchecked")
            List<Map<String, List<String>>> statics = (List<Map<String, List<String>>>) job.get("static_configs");
            statics.forEach(entry -> targets.addAll(entry.get("targets")));
        }
        assertThat(jobs).extracting(job -> job.get("job_name")).containsExactly("billing-service",
                "payment-service", "coverage-service", "notification-service");
        assertThat(targets).containsExactly("127.0.0.1:8081", "127.0.0.1:8082", "127.0.0.1:8083", "127.0.0.1:8084");
        if (PrometheusScrape.promtoolAvailable()) {
            Process check = new ProcessBuilder("promtool", "check", "config", PROMETHEUS.toString())
                    .redirectErrorStream(true).start();
            String output = new String(check.getInputStream().readAllBytes());
            assertThat(check.waitFor()).as(output).isZero();
        }
    }
}
