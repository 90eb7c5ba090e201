package com.premiumledger.deploy.bench;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * What one benchmark run does and how much. Every value has a default and a {@code --name=value} option;
 * {@code --smoke} shrinks everything to a run of seconds (the build runs it so that the tool cannot rot).
 *
 * @param accounts accounts per measured round (N)
 * @param months bills per account per measured round (M)
 * @param concurrency HTTP requests in flight during the throughput phase
 * @param scale how many times the measured round's data is preloaded before the second round
 * @param lagSteps offered loads (commands/s) of the end-to-end lag phase, one step after the other, ascending
 * @param lagStepSeconds length of each lag step
 * @param lagSampleEvery one account in this many is probed for its projections
 * @param unpaidEvery one bill in this many is left unpaid (and missed when its day closes)
 * @param kafkaRecords records of the raw Kafka baseline
 * @param recordBytes size of one raw Kafka record and one raw store document (our events are about this)
 * @param storeInserts documents of the raw insertOne baseline
 * @param storeUpserts documents of the raw bulk-upsert baseline
 * @param partitions partitions of every topic
 * @param heapMegabytes -Xmx of each service process
 * @param output where results.json, results.md and the service logs go
 * @param projectDirectory the repository root, where each service's exec jar is
 */
record BenchmarkOptions(boolean smoke, int accounts, int months, int concurrency, int scale, List<Integer> lagSteps,
                        int lagStepSeconds, int lagSampleEvery, int unpaidEvery, int kafkaRecords, int recordBytes,
                        int storeInserts, int storeUpserts, int partitions, int heapMegabytes, Path output,
                        Path projectDirectory, String version) {

    static final String USAGE = """
            usage: deploy/benchmark.sh [--smoke] [--accounts=200] [--months=6] [--concurrency=16] [--scale=10]
                   [--lag-steps=25,50,100,200,400] [--lag-step-seconds=15] [--lag-sample-every=10] [--unpaid-every=10]
                   [--kafka-records=200000] [--record-bytes=400] [--store-inserts=20000] [--store-upserts=100000]
                   [--partitions=4] [--heap-mb=384] [--output=deploy/target/benchmark] [--project-dir=.]""";

    static BenchmarkOptions parse(String[] args, Map<String, String> environment) {
        boolean smoke = false;
        Map<String, String> given = new java.util.HashMap<>();
        for (String arg : args) {
            if (arg.equals("--smoke")) {
                smoke = true;
            } else if (arg.startsWith("--") && arg.contains("=")) {
                given.put(arg.substring(2, arg.indexOf('=')), arg.substring(arg.indexOf('=') + 1));
            } else {
                throw new IllegalArgumentException("unknown argument " + arg + "\n" + USAGE);
            }
        }
        Path project = Path.of(given.getOrDefault("project-dir", environment.getOrDefault("PREMIUM_PROJECT_DIR", ".")))
                .toAbsolutePath().normalize();
        // Smoke sizes: enough of every kind of command and event for each figure to be non-zero.
        BenchmarkOptions options = new BenchmarkOptions(smoke,
                integer(given, "accounts", smoke ? 4 : 200),
                integer(given, "months", smoke ? 2 : 6),
                integer(given, "concurrency", smoke ? 4 : 16),
                integer(given, "scale", 10),
                steps(given.getOrDefault("lag-steps", smoke ? "20,40" : "25,50,100,200,400")),
                integer(given, "lag-step-seconds", smoke ? 2 : 15),
                integer(given, "lag-sample-every", smoke ? 1 : 10),
                integer(given, "unpaid-every", smoke ? 3 : 10),
                integer(given, "kafka-records", smoke ? 5_000 : 200_000),
                integer(given, "record-bytes", 400),
                integer(given, "store-inserts", smoke ? 1_000 : 20_000),
                integer(given, "store-upserts", smoke ? 5_000 : 100_000),
                integer(given, "partitions", 4),
                integer(given, "heap-mb", 384),
                Path.of(given.getOrDefault("output", project.resolve("deploy/target/benchmark").toString()))
                        .toAbsolutePath().normalize(),
                project,
                given.getOrDefault("version", "0.1.0-SNAPSHOT"));
        given.keySet().removeAll(java.util.Set.of("accounts", "months", "concurrency", "scale", "lag-steps",
                "lag-step-seconds", "lag-sample-every", "unpaid-every", "kafka-records", "record-bytes", "store-inserts",
                "store-upserts", "partitions", "heap-mb", "output", "project-dir", "version"));
        if (options.scale() < 2) {
            // The second round is named after its scale; 1 would make it the first round again.
            throw new IllegalArgumentException("--scale must be at least 2\n" + USAGE);
        }
        if (!given.isEmpty()) {
            throw new IllegalArgumentException("unknown options " + given.keySet() + "\n" + USAGE);
        }
        return options;
    }

    /** Comma-separated offered rates, ascending, each at least 1. */
    private static List<Integer> steps(String value) {
        List<Integer> steps;
        try {
            steps = Arrays.stream(value.split(",")).map(String::strip).map(Integer::parseInt).toList();
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--lag-steps must be comma-separated integers: " + value);
        }
        for (int i = 0; i < steps.size(); i++) {
            if (steps.get(i) < 1 || i > 0 && steps.get(i) <= steps.get(i - 1)) {
                throw new IllegalArgumentException("--lag-steps must be ascending and at least 1: " + value);
            }
        }
        return steps;
    }

    private static int integer(Map<String, String> given, String name, int fallback) {
        int value = given.containsKey(name) ? Integer.parseInt(given.get(name)) : fallback;
        if (value < 1) {
            throw new IllegalArgumentException("--" + name + " must be at least 1");
        }
        return value;
    }

    Map<String, Object> describe() {
        Map<String, Object> map = new java.util.LinkedHashMap<>();
        map.put("smoke", smoke);
        map.put("accounts", accounts);
        map.put("months", months);
        map.put("concurrency", concurrency);
        map.put("scale", scale);
        map.put("lagSteps", lagSteps);
        map.put("lagStepSeconds", lagStepSeconds);
        map.put("lagSampleEvery", lagSampleEvery);
        map.put("unpaidEvery", unpaidEvery);
        map.put("kafkaRecords", kafkaRecords);
        map.put("recordBytes", recordBytes);
        map.put("storeInserts", storeInserts);
        map.put("storeUpserts", storeUpserts);
        map.put("partitions", partitions);
        map.put("serviceHeapMegabytes", heapMegabytes);
        return map;
    }
}
