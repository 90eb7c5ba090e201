package com.premiumledger.deploy.bench;

import com.premiumledger.events.Topics;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Projection rebuild from offset zero: one more billing-service process under another application name
 * (so its consumer groups are new and read the topics from the start) and another database (so it writes
 * fresh views), timed until its projection groups have consumed the whole billing topic. The reactions
 * (payment application, missed-payment decisions) are not projections: they issue commands, which in a
 * fresh database find no aggregates, so they are left out of the measure.
 */
final class Rebuild {

    private static final Set<String> REACTIONS = Set.of("payment-application", "missed-payment-decisions");
    private static final Duration TIMEOUT = Duration.ofMinutes(20);

    private final BenchStack stack;
    private final Offsets offsets;

    Rebuild(BenchStack stack, Offsets offsets) {
        this.stack = stack;
        this.offsets = offsets;
    }

    Map<String, Object> run(String round, Map<String, Double> memory) throws Exception {
        String name = "billing-rebuild-" + round;
        Predicate<String> projections = projectionGroupsOf(name);
        int expectedGroups = offsets.progress(projectionGroupsOf("billing-service")).groups();
        long billingEvents = offsets.records(Set.of(Topics.BILLING));
        long launched = System.nanoTime();
        stack.launch(name, "billing-service", List.of("--spring.application.name=" + name,
                "--spring.data.mongodb.database=billing_rebuild_" + round.replaceAll("[^a-z0-9]", "")));
        long firstNanos = 0;
        long firstConsumed = 0;
        CpuSample cpuAtFirst = null;
        Work.Counts workAtFirst = null;
        Work work = new Work(new Api());
        long deadline = launched + TIMEOUT.toNanos();
        Offsets.Progress progress;
        while (true) {
            if (!stack.alive(name)) {
                throw new IllegalStateException(name + " exited; see " + stack.log(name));
            }
            progress = offsets.progress(projections);
            long now = System.nanoTime();
            if (firstNanos == 0 && progress.consumed() > 0) {
                // Consumption has begun: the rate is measured from here, so start-up time does not count.
                firstNanos = now;
                firstConsumed = progress.consumed();
                cpuAtFirst = cpu(name);
                workAtFirst = work.scrape(List.of(stack.url(name)));
            }
            if (progress.groups() >= expectedGroups && progress.consumed() >= expectedGroups * billingEvents) {
                break;
            }
            if (now > deadline) {
                throw new IllegalStateException(name + " did not catch up within " + TIMEOUT + ": " + progress);
            }
            Thread.sleep(50);
        }
        long done = System.nanoTime();
        CpuSample cpuAtEnd = cpu(name);
        Work.Counts workAtEnd = work.scrape(List.of(stack.url(name)));
        memory.put(name, ProcessStats.residentMegabytes(stack.pid(name)));
        stack.stop(name);

        long deliveries = (long) expectedGroups * billingEvents;
        boolean measuredFromFirst = firstNanos > 0 && firstConsumed < deliveries / 2;
        long from = measuredFromFirst ? firstNanos : launched;
        // Each projection group reads every billing event once; the distinct events are the log's.
        long distinct = measuredFromFirst
                ? Math.round(billingEvents * (double) (deliveries - firstConsumed) / deliveries) : billingEvents;
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("billingTopicEvents", billingEvents);
        result.put("projectionGroups", expectedGroups);
        result.put("seconds", Latencies.round((done - from) / 1e9));
        result.put("secondsIncludingStartup", Latencies.round((done - launched) / 1e9));
        result.put("measuredFrom", measuredFromFirst ? "first committed offset" : "process launch (too little"
                + " data to separate start-up)");
        result.put("eventsPerSecond", Baselines.perSecond(distinct, done - from));
        result.put("projectionDeliveriesPerSecond", Baselines.perSecond(measuredFromFirst
                ? deliveries - firstConsumed : deliveries, done - from));
        if (workAtFirst != null) {
            Work.Counts between = workAtEnd.minus(workAtFirst);
            // Every figure of the cost comes from the same two moments: the events are those the projection
            // groups handled in between (each handles every billing event once).
            long events = Math.round(between.totals().get(Work.DELIVERIES) / expectedGroups);
            if (events > 0) {
                result.put("cost", cost(events, cpuAtFirst, cpuAtEnd, between));
            }
        }
        return result;
    }

    /**
     * CPU and work per billing event from the first committed offset to the end (start-up excluded), as for the
     * commands.
     */
    private static Map<String, Object> cost(long events, CpuSample before, CpuSample after, Work.Counts work) {
        double perEvent = 1000.0 / events;
        double rebuildMs = (after.service() - before.service()) * perEvent;
        double brokerAndStoreMs = (after.brokerAndStore() - before.brokerAndStore()) * perEvent;
        double totalMs = rebuildMs + brokerAndStoreMs;
        int cores = Runtime.getRuntime().availableProcessors();
        Map<String, Object> cost = new LinkedHashMap<>();
        cost.put("cpuMsPerEventInRebuildingService", Latencies.round3(rebuildMs));
        cost.put("cpuMsPerEventInBrokerAndStore", Latencies.round3(brokerAndStoreMs));
        // The rebuilding process is new: part of its CPU compiles its code (counted in the service's figure too).
        cost.put("cpuMsPerEventInJitCompilersOfRebuildingService",
                Latencies.round3((after.serviceCompiling() - before.serviceCompiling()) * perEvent));
        cost.put("eventsPerSecondTheCoresAllow", Latencies.round(totalMs == 0 ? 0 : cores * 1000 / totalMs));
        cost.put("workPerEvent", Work.per(work, events, 6));
        return cost;
    }

    /** CPU seconds so far of the rebuilding process, of this JVM (broker and store), and of the former's JIT. */
    private record CpuSample(double service, double brokerAndStore, double serviceCompiling) {
    }

    private CpuSample cpu(String name) {
        return new CpuSample(ProcessStats.cpuSeconds(stack.pid(name)),
                ProcessStats.cpuSeconds(ProcessHandle.current().pid()), ProcessStats.compilerCpuSeconds(stack.pid(name)));
    }

    private static Predicate<String> projectionGroupsOf(String application) {
        return group -> group.startsWith(application + ".")
                && !REACTIONS.contains(group.substring(application.length() + 1));
    }
}
