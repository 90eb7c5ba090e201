package com.premiumledger.deploy.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The benchmark's smoke mode, so that the tool cannot rot: a run of seconds over the real service jars
 * (failsafe runs this after package, when they exist) that must write every section with sane figures.
 * It asserts the shape, never the targets: those depend on the machine.
 */
class BenchmarkSmokeIT {

    @Test
    void smokeRunWritesEverySection(@TempDir Path output) throws Exception {
        Path project = Path.of("").toAbsolutePath().getParent();
        Path json = Benchmark.run(new String[] {"--smoke", "--output=" + output, "--project-dir=" + project}, Map.of());

        JsonNode results = new ObjectMapper().readTree(json.toFile());
        assertThat(Files.readString(output.resolve("results.md"))).contains("| commands/s |", "## Targets");
        assertThat(results.path("rounds").size()).isEqualTo(2);
        for (JsonNode round : results.path("rounds")) {
            JsonNode baselines = round.path("baselines");
            for (String figure : List.of("kafkaProduceRecordsPerSecond", "kafkaConsumeRecordsPerSecond",
                    "storeInsertOnePerSecond", "storeBulkUpsertPerSecond")) {
                assertThat(baselines.path(figure).asDouble()).as(figure).isPositive();
            }
            JsonNode commands = round.path("commands");
            assertThat(commands.path("commands").asLong()).isPositive();
            assertThat(commands.path("errors").asLong()).as(commands.path("firstError").asText()).isZero();
            assertThat(commands.path("commandsPerSecond").asDouble()).isPositive();
            assertThat(commands.path("latencyMs").path("p99").asDouble())
                    .isGreaterThanOrEqualTo(commands.path("latencyMs").path("p50").asDouble()).isPositive();
            JsonNode cost = commands.path("cost");
            assertThat(cost.path("cpuMsPerCommand").asDouble()).isPositive();
            assertThat(cost.path("commandsPerSecondTheCoresAllow").asDouble()).isPositive();
            assertThat(cost.path("eventsWrittenPerCommand").asDouble()).isPositive();
            for (String figure : List.of(Work.STORE_ROUND_TRIPS, Work.DELIVERIES, Work.KAFKA_FETCHES,
                    Work.RECORDS_SENT)) {
                assertThat(cost.path("workPerCommand").path(figure).asDouble()).as(figure).isPositive();
            }
            assertThat(cost.path("workPerCommand").path("store round trips by command and collection").size())
                    .isPositive();
            JsonNode lag = round.path("lag");
            assertThat(lag.path("steps").size()).isEqualTo(2);
            JsonNode firstStep = lag.path("steps").get(0);
            assertThat(firstStep.path("offeredCommandsPerSecond").asInt()).isEqualTo(20);
            assertThat(firstStep.path("achievedCommandsPerSecond").asDouble()).isPositive();
            for (String projection : List.of("balanceLagMs", "coverageLagMs", "noticesLagMs")) {
                assertThat(firstStep.path(projection).path("count").asLong()).as(projection).isPositive();
                assertThat(firstStep.path(projection).path("p99").asDouble()).as(projection).isPositive();
            }
            lag.path("steps").forEach(step -> assertThat(step.path("passed").asBoolean()
                    || !step.path("failedBecause").asText().isBlank() || step.has("notRun")).as(step.toString()).isTrue());
            assertThat(lag.has("highestPassingCommandsPerSecond")).isTrue();
            JsonNode rebuild = round.path("rebuild");
            assertThat(rebuild.path("billingTopicEvents").asLong()).isPositive();
            assertThat(rebuild.path("eventsPerSecond").asDouble()).isPositive();
            // Replay-only: one processing group, reading the billing topic once.
            assertThat(rebuild.path("consumerGroupsReadingBilling").asInt()).isEqualTo(1);
            for (JsonNode rss : round.path("memoryMb")) {
                assertThat(rss.asDouble()).isBetween(1.0, 4096.0);
            }
        }
        assertThat(results.path("rounds").path("10x").path("storedEventsBefore").asLong())
                .isGreaterThan(results.path("rounds").path("1x").path("storedEventsAfter").asLong());
        assertThat(results.path("ratios").path("10xOver1x").size()).isPositive();
        assertThat(results.path("targets").size()).isEqualTo(6);
        assertThat(results.path("targets").toString()).contains("store round trips per command <= 25",
                "events handled by consumer groups per command <= 10", "CPU per command <= 20 ms",
                "highest offered load with e2e p99 lag < 1 s >= 200 commands/s", "rebuild >= 5,000 billing events/s",
                "commands/s >= 500 with p99 <= 100 ms");
        results.path("targets").forEach(target -> {
            assertThat(target.path("met").isBoolean()).isTrue();
            // A missed target states what bounds it.
            assertThat(target.path("met").asBoolean() || !target.path("cause").asText().isBlank())
                    .as(target.toString()).isTrue();
        });
        assertThat(Files.readString(output.resolve("results.md"))).contains("## Cost per command",
                "| command: store round trips |", "| command: events skipped by consumer groups |",
                "## End-to-end lag by offered load", "highest passing:", "## Targets (issue 13, 10x round)",
                "Counts per command");
    }
}
