package com.premiumledger.deploy.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.premiumledger.events.Topics;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The benchmark (targets of issue 13): raw Kafka and store baselines, command throughput and latency, the
 * highest offered load whose end-to-end lag stays under a second (stepped), projection rebuild speed and
 * resident memory, once on a fresh system and once more after preloading {@code scale} times the data, all
 * against the same embedded broker and store in one run. Writes results.json and results.md; see the README's Benchmark section.
 */
public final class Benchmark {

    private static final Set<String> TOPICS = Set.of(Topics.BILLING, Topics.PAYMENTS, Topics.COVERAGE, Topics.NOTICES);
    private static final Duration CATCH_UP_TIMEOUT = Duration.ofMinutes(10);
    static final String BENCHMARK_JVM = "benchmark JVM (broker, store, load generator)";

    private final BenchmarkOptions options;

    Benchmark(BenchmarkOptions options) {
        this.options = options;
    }

    public static void main(String[] args) {
        try {
            Path results = run(args, System.getenv());
            System.out.println("results: " + results + " and " + results.resolveSibling("results.md"));
            System.exit(0);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(2);
        } catch (Exception e) {
            e.printStackTrace();
            // The broker's threads are not daemons: without an explicit exit a failure would hang.
            System.exit(1);
        }
    }

    /** Runs the whole benchmark and returns the path of results.json. */
    public static Path run(String[] args, Map<String, String> environment) throws Exception {
        BenchmarkOptions options = BenchmarkOptions.parse(args, environment);
        Files.createDirectories(options.output().resolve("logs"));
        Map<String, Object> results = new Benchmark(options).measure();
        Path json = options.output().resolve("results.json");
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(json.toFile(), results);
        Files.writeString(options.output().resolve("results.md"), Report.markdown(results));
        return json;
    }

    private Map<String, Object> measure() throws Exception {
        Map<String, Object> results = new LinkedHashMap<>();
        results.put("startedAt", Instant.now().toString());
        results.put("environment", environment());
        results.put("options", options.describe());
        log("starting the broker, the store and the four services");
        long start = System.nanoTime();
        try (BenchStack stack = BenchStack.start(options); Offsets offsets = new Offsets(stack.kafkaBootstrapServers())) {
            results.put("startupSeconds", Latencies.round((System.nanoTime() - start) / 1e9));
            Map<String, Object> rounds = new LinkedHashMap<>();
            YearMonth first = YearMonth.of(2027, 1);
            results.put("warmup", warmUp(stack, offsets, first.minusMonths(options.months() + 1L)));
            rounds.put("1x", round(stack, offsets, "r1", first));
            // Preload scale x the measured round's data through the same APIs, untimed for the targets.
            YearMonth preloadFirst = first.plusMonths(options.months() + 1L);
            log("preloading " + options.scale() + "x the data (" + options.accounts() * options.scale()
                    + " accounts x " + options.months() + " months)");
            CommandLoad preload = load(stack, offsets, options.concurrency());
            long preloadStart = System.nanoTime();
            preload.run("PRE", options.accounts() * options.scale(), preloadFirst, options.months());
            Map<String, Object> preloadResult = new LinkedHashMap<>();
            preloadResult.put("commands", preload.commands());
            preloadResult.put("errors", preload.errors());
            preloadResult.put("seconds", Latencies.round((System.nanoTime() - preloadStart) / 1e9));
            results.put("preload", preloadResult);
            rounds.put(options.scale() + "x", round(stack, offsets, "r2", preloadFirst.plusMonths(options.months() + 1L)));
            results.put("rounds", rounds);
            results.put("memoryMbAtEnd", memory(stack));
        }
        results.put("totalSeconds", Latencies.round((System.nanoTime() - start) / 1e9));
        Report.analyse(results, options.scale());
        return results;
    }

    /**
     * Untimed: the raw baselines once (the broker's and the store's code paths), then the same load as a measured
     * round on the months just before it, closing its days as the rounds do, so that the first round measures
     * processes whose every path (missed payments, grace, notices included) is loaded and compiled rather than
     * their start-up (JIT warm-up). Its accounts stay, as the preloaded ones before the second round do.
     */
    private Map<String, Object> warmUp(BenchStack stack, Offsets offsets, YearMonth first) throws Exception {
        log("warming up: raw baselines, then " + options.accounts() + " accounts x " + options.months()
                + " months, untimed");
        long start = System.nanoTime();
        new Baselines(options, stack.kafkaBootstrapServers(), stack.mongoUri()).measure("warm");
        CommandLoad warm = load(stack, offsets, options.concurrency());
        warm.run("WARM", options.accounts(), first, options.months());
        Map<String, Object> warmup = new LinkedHashMap<>();
        warmup.put("commands", warm.commands());
        warmup.put("errors", warm.errors());
        warmup.put("seconds", Latencies.round((System.nanoTime() - start) / 1e9));
        return warmup;
    }

    /** One set of figures: baselines, commands, lag, rebuild, memory; months from {@code first}. */
    private Map<String, Object> round(BenchStack stack, Offsets offsets, String name, YearMonth first) throws Exception {
        Map<String, Object> round = new LinkedHashMap<>();
        awaitServicesCaughtUp(offsets);
        round.put("storedEventsBefore", offsets.records(TOPICS));
        log(name + ": raw baselines");
        round.put("baselines", new Baselines(options, stack.kafkaBootstrapServers(), stack.mongoUri()).measure(name));

        log(name + ": commands, " + options.accounts() + " accounts x " + options.months() + " months at concurrency "
                + options.concurrency());
        Work work = new Work(new Api());
        Work.Counts workBefore = work.scrape(serviceUrls(stack));
        long eventsBefore = offsets.records(TOPICS);
        Map<String, Double> cpuBefore = cpu(stack);
        double compilingBefore = compilerCpu(stack);
        CommandLoad load = load(stack, offsets, options.concurrency());
        long loadStart = System.nanoTime();
        load.run(name.toUpperCase(), options.accounts(), first, options.months());
        double wall = (System.nanoTime() - loadStart) / 1e9;
        Map<String, Object> commands = load.result();
        Map<String, Object> cpu = new LinkedHashMap<>();
        cpu(stack).forEach((process, seconds) -> cpu.put(process, Latencies.round(seconds - cpuBefore.get(process))));
        commands.put("cpuSecondsByProcess", cpu);
        commands.put("wallSecondsIncludingCatchUp", Latencies.round(wall));
        commands.put("cost", commandCost(load.commands(), cpu, compilerCpu(stack) - compilingBefore, wall,
                offsets.records(TOPICS) - eventsBefore,
                work.scrape(serviceUrls(stack)).minus(workBefore)));
        round.put("commands", commands);

        awaitServicesCaughtUp(offsets);
        log(name + ": end-to-end lag, offered " + options.lagSteps() + " commands/s, " + options.lagStepSeconds()
                + " s each");
        round.put("lag", LagSteps.run(stack, () -> awaitServicesCaughtUp(offsets), name.toUpperCase() + "L",
                first.plusMonths(options.months()), options));

        awaitServicesCaughtUp(offsets);
        log(name + ": projection rebuild");
        Map<String, Double> rebuildMemory = new LinkedHashMap<>();
        Map<String, Object> rebuild = new Rebuild(stack, offsets).run(name, rebuildMemory);
        rebuild.put("residentMb", rebuildMemory.values().iterator().next());
        round.put("rebuild", rebuild);
        round.put("memoryMb", memory(stack));
        round.put("storedEventsAfter", offsets.records(TOPICS));
        return round;
    }

    /**
     * What the command phase cost per command, everything the commands caused included (the phase ends when the
     * consumers have caught up): CPU of every process, events written, and the services' own work counters.
     */
    private static Map<String, Object> commandCost(long commands, Map<String, Object> cpu, double compilingSeconds,
                                                   double wallSeconds, long eventsWritten, Work.Counts work) {
        double cpuSeconds = cpu.values().stream().mapToDouble(v -> ((Number) v).doubleValue()).sum();
        double storeAndBroker = ((Number) cpu.get(BENCHMARK_JVM)).doubleValue();
        int cores = Runtime.getRuntime().availableProcessors();
        double per = Math.max(1, commands);
        double cpuMs = cpuSeconds * 1000 / per;
        Map<String, Object> cost = new LinkedHashMap<>();
        cost.put("cpuMsPerCommand", Latencies.round(cpuMs));
        cost.put("cpuMsPerCommandInBrokerStoreAndLoadGenerator", Latencies.round(storeAndBroker * 1000 / per));
        cost.put("cpuMsPerCommandInJitCompilers", Latencies.round(compilingSeconds * 1000 / per));
        cost.put("cpuBusyPercentOfCores", Latencies.round(cpuSeconds * 100 / (wallSeconds * cores)));
        cost.put("commandsPerSecondTheCoresAllow", Latencies.round(cpuMs == 0 ? 0 : cores * 1000 / cpuMs));
        cost.put("eventsWrittenPerCommand", Latencies.round(eventsWritten / per));
        cost.put("workPerCommand", Work.per(work, per, 8));
        return cost;
    }

    private static List<String> serviceUrls(BenchStack stack) {
        return BenchStack.SERVICES.stream().map(stack::url).toList();
    }

    private CommandLoad load(BenchStack stack, Offsets offsets, int concurrency) {
        return new CommandLoad(new Api(), stack.url("billing-service"), stack.url("payment-service"), concurrency,
                options.unpaidEvery(), () -> awaitServicesCaughtUp(offsets));
    }

    private static void awaitServicesCaughtUp(Offsets offsets) throws InterruptedException {
        Predicate<String> services = group -> BenchStack.SERVICES.stream().anyMatch(s -> group.startsWith(s + "."));
        offsets.awaitCaughtUp(services, CATCH_UP_TIMEOUT);
    }

    private static Map<String, Double> cpu(BenchStack stack) {
        Map<String, Double> cpu = new LinkedHashMap<>();
        for (String service : BenchStack.SERVICES) {
            cpu.put(service, ProcessStats.cpuSeconds(stack.pid(service)));
        }
        cpu.put(BENCHMARK_JVM, ProcessStats.cpuSeconds(ProcessHandle.current().pid()));
        return cpu;
    }

    /** CPU seconds the JIT compiler threads of every process have used so far. */
    private static double compilerCpu(BenchStack stack) {
        double seconds = ProcessStats.compilerCpuSeconds(ProcessHandle.current().pid());
        for (String service : BenchStack.SERVICES) {
            seconds += ProcessStats.compilerCpuSeconds(stack.pid(service));
        }
        return seconds;
    }

    private static Map<String, Object> memory(BenchStack stack) {
        Map<String, Object> memory = new LinkedHashMap<>();
        for (String service : BenchStack.SERVICES) {
            memory.put(service, ProcessStats.residentMegabytes(stack.pid(service)));
        }
        return memory;
    }

    private static Map<String, Object> environment() {
        Map<String, Object> environment = new LinkedHashMap<>();
        environment.put("cores", Runtime.getRuntime().availableProcessors());
        environment.put("java", System.getProperty("java.version"));
        environment.put("os", System.getProperty("os.name") + " " + System.getProperty("os.arch"));
        environment.put("store", "mongo-java-server, memory backend");
        environment.put("broker", "Kafka KRaft, single node, in the benchmark JVM");
        return environment;
    }

    private static void log(String message) {
        System.out.println("[benchmark " + Instant.now() + "] " + message);
    }
}
