package com.premiumledger.deploy.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The ratios and the targets of issue 13 (10x round) computed from the measured figures, and the Markdown. */
final class Report {

    private Report() {
    }

    /** Figures compared between the 1x and the 10x round, and whether more is better. */
    private record Figure(String label, String section, String path, boolean higherIsBetter) {
    }

    private static final List<Figure> FIGURES = List.of(
            new Figure("raw Kafka produce (records/s)", "baselines", "kafkaProduceRecordsPerSecond", true),
            new Figure("raw Kafka consume (records/s)", "baselines", "kafkaConsumeRecordsPerSecond", true),
            new Figure("raw store insertOne (/s)", "baselines", "storeInsertOnePerSecond", true),
            new Figure("raw store bulk upsert by _id (/s)", "baselines", "storeBulkUpsertPerSecond", true),
            new Figure("commands/s", "commands", "commandsPerSecond", true),
            new Figure("command latency p50 (ms)", "commands", "latencyMs.p50", false),
            new Figure("command latency p95 (ms)", "commands", "latencyMs.p95", false),
            new Figure("command latency p99 (ms)", "commands", "latencyMs.p99", false),
            new Figure("highest offered load with e2e p99 lag < 1 s (commands/s)", "lag",
                    "highestPassingCommandsPerSecond", true),
            new Figure("rebuild (billing events/s)", "rebuild", "eventsPerSecond", true),
            new Figure("RSS billing-service (MB)", "memoryMb", "billing-service", false),
            new Figure("RSS payment-service (MB)", "memoryMb", "payment-service", false),
            new Figure("RSS coverage-service (MB)", "memoryMb", "coverage-service", false),
            new Figure("RSS notification-service (MB)", "memoryMb", "notification-service", false));

    // Percentiles under this many milliseconds are within the probes' and the clock's noise; a 20% change
    // of a 3 ms figure says nothing about cost growing with data.
    private static final double NOISE_FLOOR_MS = 5.0;
    private static final int CORES = Runtime.getRuntime().availableProcessors();

    @SuppressWarnings("unchecked")
    static void analyse(Map<String, Object> results, int scale) {
        Map<String, Object> rounds = (Map<String, Object>) results.get("rounds");
        Map<String, Object> one = (Map<String, Object>) rounds.get("1x");
        Map<String, Object> many = (Map<String, Object>) rounds.get(scale + "x");

        Map<String, Object> ratios = new LinkedHashMap<>();
        for (Map.Entry<String, Object> entry : rounds.entrySet()) {
            Map<String, Object> round = (Map<String, Object>) entry.getValue();
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("commandsPerSecondOverStoreInsertsPerSecond",
                    ratio(number(round, "commands", "commandsPerSecond"), number(round, "baselines", "storeInsertOnePerSecond")));
            r.put("rebuildEventsPerSecondOverStoreBulkUpsertsPerSecond",
                    ratio(number(round, "rebuild", "eventsPerSecond"), number(round, "baselines", "storeBulkUpsertPerSecond")));
            r.put("rebuildEventsPerSecondOverKafkaConsumePerSecond",
                    ratio(number(round, "rebuild", "eventsPerSecond"), number(round, "baselines", "kafkaConsumeRecordsPerSecond")));
            ratios.put(entry.getKey(), r);
        }
        Map<String, Object> growth = new LinkedHashMap<>();
        List<String> worse = new ArrayList<>();
        for (Figure figure : FIGURES) {
            double base = number(one, figure.section(), figure.path());
            double scaled = number(many, figure.section(), figure.path());
            double r = ratio(scaled, base);
            growth.put(figure.label(), r);
            boolean noise = figure.label().contains("(ms)") && Math.max(base, scaled) < NOISE_FLOOR_MS;
            boolean worseBy20 = figure.higherIsBetter() ? r < 1 / 1.2 : r > 1.2;
            if (worseBy20 && !noise && !figure.label().startsWith("raw")) {
                worse.add(figure.label() + " x" + r);
            }
        }
        ratios.put(scale + "xOver1x", growth);
        // No longer a target (issue 6's), still worth seeing: what grew with the data.
        ratios.put("worseByMoreThan20PercentAt" + scale + "x", worse);
        results.put("ratios", ratios);

        results.put("targets", targets(many, scale + "x"));
    }

    /** The targets of issue 13, in the {@code name} round; each missed one states what this run measured. */
    private static List<Map<String, Object>> targets(Map<String, Object> round, String name) {
        String at = " (" + name + ")";
        double roundTrips = number(round, "commands", "cost.workPerCommand." + Work.STORE_ROUND_TRIPS);
        double handled = number(round, "commands", "cost.workPerCommand." + Work.DELIVERIES);
        double skipped = number(round, "commands", "cost.workPerCommand." + Work.SKIPPED);
        double cpuMs = number(round, "commands", "cost.cpuMsPerCommand");
        double inserts = number(round, "baselines", "storeInsertOnePerSecond");
        String perCommand = String.format("each command cost %.1f ms of CPU over all processes (%.1f ms in the"
                        + " broker, store and load generator, %.1f ms compiling code), %.1f store round trips,"
                        + " %.1f events handled and %.1f skipped by consumer groups and %.1f Kafka fetches; at that"
                        + " cost the %d cores fully process at most %.0f commands/s; and the store alone, at the %.0f"
                        + " single round trips/s of its raw insertOne baseline, serves %.1f round trips per command"
                        + " for at most %.0f commands/s",
                cpuMs, number(round, "commands", "cost.cpuMsPerCommandInBrokerStoreAndLoadGenerator"),
                number(round, "commands", "cost.cpuMsPerCommandInJitCompilers"), roundTrips, handled, skipped,
                number(round, "commands", "cost.workPerCommand." + Work.KAFKA_FETCHES), CORES,
                number(round, "commands", "cost.commandsPerSecondTheCoresAllow"), inserts, roundTrips,
                roundTrips == 0 ? 0 : inserts / roundTrips);
        List<Map<String, Object>> targets = new ArrayList<>();
        targets.add(target("store round trips per command <= 25" + at, String.format("%.1f", roundTrips),
                roundTrips > 0 && roundTrips <= 25, "busiest store round trips per command (driver command and"
                        + " collection): " + busiest(round, "commands", "cost.workPerCommand")));
        double written = number(round, "commands", "cost.eventsWrittenPerCommand");
        targets.add(target("events handled by consumer groups per command <= 10" + at,
                String.format("%.1f handled, %.1f skipped", handled, skipped), handled > 0 && handled <= 10,
                String.format("each command wrote %.1f events to Kafka; every processing group that reads an event's"
                        + " topic and has a handler for its type handles it once (%.1f per event written), and"
                        + " reads but skips it otherwise (%.1f per event written)", written,
                        written == 0 ? 0 : handled / written, written == 0 ? 0 : skipped / written)));
        targets.add(target("CPU per command <= 20 ms" + at, String.format("%.1f ms", cpuMs), cpuMs > 0 && cpuMs <= 20,
                perCommand + "; CPU seconds by process: " + value(round, "commands", "cpuSecondsByProcess")));
        double highest = number(round, "lag", "highestPassingCommandsPerSecond");
        targets.add(target("highest offered load with e2e p99 lag < 1 s >= 200 commands/s" + at,
                String.format("%.0f commands/s (steps: %s)", highest, stepSummary(round)), highest >= 200,
                firstFailure(round) + "; " + perCommand
                        + ": beyond that the consumers fall behind and the lag grows for as long as the load lasts"));
        double rebuild = number(round, "rebuild", "eventsPerSecond");
        targets.add(target("rebuild >= 5,000 billing events/s" + at, String.format("%.0f billing events/s", rebuild),
                rebuild >= 5000,
                String.format("5000 events/s on %d cores allow %.3f ms of CPU per event; each billing event cost"
                                + " %.3f ms in the rebuilding service (%.3f ms of it compiling code) and %.3f ms in"
                                + " the broker and store, was read by %.0f consumer group(s), handled %.2f times"
                                + " and took %.2f store round trips (a raw bulk upsert: 1/500); at that cost the"
                                + " cores allow %.0f events/s",
                        CORES, CORES * 1000 / 5000.0, number(round, "rebuild", "cost.cpuMsPerEventInRebuildingService"),
                        number(round, "rebuild", "cost.cpuMsPerEventInJitCompilersOfRebuildingService"),
                        number(round, "rebuild", "cost.cpuMsPerEventInBrokerAndStore"),
                        number(round, "rebuild", "consumerGroupsReadingBilling"),
                        number(round, "rebuild", "cost.workPerEvent." + Work.DELIVERIES),
                        number(round, "rebuild", "cost.workPerEvent." + Work.STORE_ROUND_TRIPS),
                        number(round, "rebuild", "cost.eventsPerSecondTheCoresAllow"))));
        double commands = number(round, "commands", "commandsPerSecond");
        double p99 = number(round, "commands", "latencyMs.p99");
        targets.add(target("commands/s >= 500 with p99 <= 100 ms" + at,
                String.format("%.0f commands/s, p99 %.1f ms", commands, p99), commands >= 500 && p99 <= 100,
                String.format("500 commands/s on %d cores allow %.1f ms of CPU per command; ", CORES,
                        CORES * 1000 / 500.0) + perCommand));
        return targets;
    }

    /** "25: 1.0/25 p99 120 ms ok, 50: ..." for the target's measured column. */
    @SuppressWarnings("unchecked")
    private static String stepSummary(Map<String, Object> round) {
        List<String> parts = new ArrayList<>();
        for (Map<String, Object> step : steps(round)) {
            parts.add(step.containsKey("notRun") ? step.get("offeredCommandsPerSecond") + " not run"
                    : String.format("%s offered, %.1f achieved, worst p99 %.0f ms %s",
                    step.get("offeredCommandsPerSecond"), number(step, "achievedCommandsPerSecond"),
                    number(step, "worstP99Ms"), Boolean.TRUE.equals(step.get("passed")) ? "ok" : "fail"));
        }
        return String.join("; ", parts);
    }

    private static String firstFailure(Map<String, Object> round) {
        for (Map<String, Object> step : steps(round)) {
            if (step.containsKey("failedBecause")) {
                return "at " + step.get("offeredCommandsPerSecond") + " commands/s offered: " + step.get("failedBecause");
            }
        }
        return "no step failed; the highest step offered was below the target";
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> steps(Map<String, Object> round) {
        Object steps = value(round, "lag", "steps");
        return steps instanceof List<?> list ? (List<Map<String, Object>>) list : List.of();
    }

    private static double number(Map<String, Object> map, String key) {
        return map.get(key) instanceof Number n ? n.doubleValue() : 0;
    }

    /** A target of issue 13; where it is missed, {@code cause} states what this run measured that bounds it. */
    private static Map<String, Object> target(String name, String measured, boolean met, String cause) {
        Map<String, Object> target = new LinkedHashMap<>();
        target.put("target", name);
        target.put("measured", measured);
        target.put("met", met);
        if (!met) {
            target.put("cause", cause);
        }
        return target;
    }

    static double ratio(double numerator, double denominator) {
        return denominator == 0 ? 0 : Math.round(numerator / denominator * 1000.0) / 1000.0;
    }

    static double number(Map<String, Object> round, String section, String path) {
        return value(round, section, path) instanceof Number n ? n.doubleValue() : 0;
    }

    /** The figure at {@code path} (keys separated by dots) under {@code section} of a round, or null. */
    @SuppressWarnings("unchecked")
    private static Object value(Map<String, Object> round, String section, String path) {
        Object value = round.get(section);
        for (String part : path.split("\\.")) {
            if (!(value instanceof Map<?, ?> map)) {
                return null;
            }
            value = ((Map<String, Object>) map).get(part);
        }
        return value;
    }

    @SuppressWarnings("unchecked")
    static String markdown(Map<String, Object> results) {
        Map<String, Object> rounds = (Map<String, Object>) results.get("rounds");
        List<String> names = new ArrayList<>(rounds.keySet());
        StringBuilder md = new StringBuilder("# premium ledger benchmark\n\n");
        md.append("Run ").append(results.get("startedAt")).append(" on ").append(results.get("environment"))
                .append("\n\nOptions: ").append(results.get("options")).append("\n\n");
        md.append("| figure | ").append(String.join(" | ", names)).append(" | ").append(names.get(names.size() - 1))
                .append(" / ").append(names.get(0)).append(" |\n|---|");
        md.append("---:|".repeat(names.size() + 1)).append('\n');
        Map<String, Object> growth = (Map<String, Object>) ((Map<String, Object>) results.get("ratios"))
                .get(names.get(names.size() - 1) + "Over1x");
        md.append(row("stored events before the round", names, rounds, "storedEventsBefore", null));
        for (Figure figure : FIGURES) {
            md.append("| ").append(figure.label());
            for (String name : names) {
                md.append(" | ").append(format(number((Map<String, Object>) rounds.get(name), figure.section(), figure.path())));
            }
            md.append(" | ").append(growth.get(figure.label())).append(" |\n");
        }
        md.append(row("commands sent (errors)", names, rounds, "commands.commands", "commands.errors"));
        md.append(row("rebuild billing-topic events", names, rounds, "rebuild.billingTopicEvents", null));
        md.append(row("rebuild RSS (MB)", names, rounds, "rebuild.residentMb", null));

        md.append(lagSteps(names, rounds));
        md.append("\n## Ratios\n\n| ratio | ").append(String.join(" | ", names)).append(" |\n|---|")
                .append("---:|".repeat(names.size())).append('\n');
        Map<String, Object> ratios = (Map<String, Object>) results.get("ratios");
        for (String key : ((Map<String, Object>) ratios.get(names.get(0))).keySet()) {
            md.append("| ").append(key);
            for (String name : names) {
                md.append(" | ").append(((Map<String, Object>) ratios.get(name)).get(key));
            }
            md.append(" |\n");
        }
        md.append("\n## Targets (issue 13, ").append(names.get(names.size() - 1)).append(" round)\n\n")
                .append("| target | measured | met | what bounds it (measured in this run) |\n|---|---|---|---|\n");
        for (Map<String, Object> target : (List<Map<String, Object>>) results.get("targets")) {
            md.append("| ").append(target.get("target")).append(" | ").append(target.get("measured")).append(" | ")
                    .append(Boolean.TRUE.equals(target.get("met")) ? "yes" : "**no**").append(" | ")
                    .append(target.getOrDefault("cause", "")).append(" |\n");
        }
        md.append(costs(names, rounds));
        md.append("\n## CPU seconds by process during the command phase\n\n| process | ")
                .append(String.join(" | ", names)).append(" |\n|---|").append("---:|".repeat(names.size())).append('\n');
        Map<String, Object> cpu = (Map<String, Object>) ((Map<String, Object>) ((Map<String, Object>) rounds.get(names.get(0)))
                .get("commands")).get("cpuSecondsByProcess");
        for (String process : cpu.keySet()) {
            md.append(costRow(process, names, rounds, "commands.cpuSecondsByProcess." + process));
        }
        md.append("\nRSS at the end: ").append(results.get("memoryMbAtEnd")).append("; preload: ")
                .append(results.get("preload")).append("; warm-up before the first round: ")
                .append(results.get("warmup")).append("; total ").append(results.get("totalSeconds")).append(" s.\n");
        return md.toString();
    }

    /** Per round, the lag steps: achieved rate, p50/p99 per projection, and whether the step kept under 1 s. */
    @SuppressWarnings("unchecked")
    private static String lagSteps(List<String> names, Map<String, Object> rounds) {
        StringBuilder md = new StringBuilder("\n## End-to-end lag by offered load\n\nEach step offers fresh accounts'"
                + " open, bill and pay commands at a fixed rate from caught-up consumers; a step passes when every"
                + " projection's p99 lag is under ").append(format(LagSteps.P99_LIMIT_MS)).append(" ms, no sample"
                + " timed out, no command failed and at least 95% of the offered rate was achieved.\n\n")
                .append("| round | offered/s | achieved/s | commands (errors) | command p99 (ms) |"
                        + " balance p50/p99 (ms) | coverage p50/p99 (ms) | notices p50/p99 (ms) | passed |\n")
                .append("|---|---:|---:|---:|---:|---:|---:|---:|---|\n");
        for (String name : names) {
            Map<String, Object> round = (Map<String, Object>) rounds.get(name);
            for (Map<String, Object> step : steps(round)) {
                md.append("| ").append(name).append(" | ").append(step.get("offeredCommandsPerSecond"));
                if (step.containsKey("notRun")) {
                    md.append(" | | | | | | | not run: ").append(step.get("notRun")).append(" |\n");
                    continue;
                }
                md.append(" | ").append(format(number(step, "achievedCommandsPerSecond"))).append(" | ")
                        .append(format(number(step, "commands"))).append(" (").append(format(number(step, "errors")))
                        .append(") | ").append(format(number(step, "commandLatencyMs", "p99")));
                for (String projection : LagSteps.PROJECTIONS) {
                    md.append(" | ").append(format(number(step, projection + "LagMs", "p50"))).append(" / ")
                            .append(format(number(step, projection + "LagMs", "p99")));
                }
                md.append(" | ").append(Boolean.TRUE.equals(step.get("passed")) ? "yes"
                        : "**no**: " + step.get("failedBecause")).append(" |\n");
            }
            md.append("| ").append(name).append(" | **highest passing: ")
                    .append(format(number(round, "lag", "highestPassingCommandsPerSecond")))
                    .append(" commands/s** | | | | | | | |\n");
        }
        return md.toString();
    }

    /** The cost section: CPU and work per command and per rebuilt event, and the busiest store round trips. */
    @SuppressWarnings("unchecked")
    private static String costs(List<String> names, Map<String, Object> rounds) {
        StringBuilder md = new StringBuilder("\n## Cost per command and per rebuilt event (what bounds the figures)\n\n")
                .append("Command phase: everything the commands caused, until every consumer group had caught up."
                        + " Rebuild: CPU while the rebuilding process consumed (start-up excluded); its work counters"
                        + " over its whole life, per billing event.\n\n| per unit | ")
                .append(String.join(" | ", names)).append(" |\n|---|").append("---:|".repeat(names.size())).append('\n');
        md.append(costRow("command: CPU ms, all processes", names, rounds, "commands.cost.cpuMsPerCommand"));
        md.append(costRow("command: CPU ms in the broker, store and load generator", names, rounds,
                "commands.cost.cpuMsPerCommandInBrokerStoreAndLoadGenerator"));
        md.append(costRow("command: CPU ms in JIT compiler threads (code still being compiled)", names, rounds,
                "commands.cost.cpuMsPerCommandInJitCompilers"));
        md.append(costRow("command phase: CPU busy (% of the cores)", names, rounds, "commands.cost.cpuBusyPercentOfCores"));
        md.append(costRow("commands/s the cores allow at that cost", names, rounds,
                "commands.cost.commandsPerSecondTheCoresAllow"));
        md.append(costRow("command: events written to Kafka", names, rounds, "commands.cost.eventsWrittenPerCommand"));
        Map<String, Object> last = (Map<String, Object>) rounds.get(names.get(names.size() - 1));
        for (String figure : List.of(Work.STORE_ROUND_TRIPS, Work.DELIVERIES, Work.SKIPPED, Work.KAFKA_FETCHES,
                Work.KAFKA_COMMITS, Work.RECORDS_SENT)) {
            md.append(costRow("command: " + figure, names, rounds, "commands.cost.workPerCommand." + figure));
        }
        md.append(costRow("rebuilt event: CPU ms in the rebuilding service", names, rounds,
                "rebuild.cost.cpuMsPerEventInRebuildingService"));
        md.append(costRow("rebuilt event: of the service's, CPU ms in its JIT compiler threads", names, rounds,
                "rebuild.cost.cpuMsPerEventInJitCompilersOfRebuildingService"));
        md.append(costRow("rebuilt event: CPU ms in the broker and store", names, rounds,
                "rebuild.cost.cpuMsPerEventInBrokerAndStore"));
        md.append(costRow("rebuilt events/s the cores allow at that cost", names, rounds,
                "rebuild.cost.eventsPerSecondTheCoresAllow"));
        for (String figure : List.of(Work.STORE_ROUND_TRIPS, Work.DELIVERIES, Work.KAFKA_FETCHES)) {
            md.append(costRow("rebuilt event: " + figure, names, rounds, "rebuild.cost.workPerEvent." + figure));
        }
        md.append("\nCounts per command (stable from run to run), ").append(names.get(names.size() - 1))
                .append(" round: ").append(format(number(last, "commands", "cost.workPerCommand." + Work.STORE_ROUND_TRIPS)))
                .append(" store round trips, ").append(format(number(last, "commands", "cost.workPerCommand." + Work.DELIVERIES)))
                .append(" events handled by consumer groups (deliveries: one per processing group and event it has a"
                        + " handler for), ").append(format(number(last, "commands", "cost.workPerCommand." + Work.SKIPPED)))
                .append(" events read and skipped by consumer groups, ")
                .append(format(number(last, "commands", "cost.eventsWrittenPerCommand"))).append(" events written.\n");
        md.append("\nBusiest store round trips (driver command and collection) per command, ")
                .append(names.get(names.size() - 1)).append(" round: ")
                .append(busiest(last, "commands", "cost.workPerCommand")).append("; per rebuilt event: ")
                .append(busiest(last, "rebuild", "cost.workPerEvent")).append(".\n");
        return md.toString();
    }

    private static String busiest(Map<String, Object> round, String section, String path) {
        Object busiest = value(round, section, path + ".store round trips by command and collection");
        return busiest == null ? "not measured" : busiest.toString();
    }

    /** A row of one figure per round, {@code path} starting with its section. */
    @SuppressWarnings("unchecked")
    private static String costRow(String label, List<String> names, Map<String, Object> rounds, String path) {
        StringBuilder row = new StringBuilder("| ").append(label);
        String section = path.substring(0, path.indexOf('.'));
        for (String name : names) {
            row.append(" | ").append(format(number((Map<String, Object>) rounds.get(name), section,
                    path.substring(section.length() + 1))));
        }
        return row.append(" |\n").toString();
    }

    @SuppressWarnings("unchecked")
    private static String row(String label, List<String> names, Map<String, Object> rounds, String path, String extra) {
        StringBuilder row = new StringBuilder("| ").append(label);
        for (String name : names) {
            Map<String, Object> round = (Map<String, Object>) rounds.get(name);
            String section = path.contains(".") ? path.substring(0, path.indexOf('.')) : null;
            double value = section == null ? ((Number) round.getOrDefault(path, 0)).doubleValue()
                    : number(round, section, path.substring(section.length() + 1));
            row.append(" | ").append(format(value));
            if (extra != null) {
                row.append(" (").append(format(number(round, extra.substring(0, extra.indexOf('.')),
                        extra.substring(extra.indexOf('.') + 1)))).append(')');
            }
        }
        return row.append(" | |\n").toString();
    }

    private static String format(double value) {
        return value == Math.rint(value) && Math.abs(value) < 1e15 ? Long.toString((long) value)
                : String.format("%.1f", value);
    }
}
