package com.premiumledger.deploy.bench;

import com.premiumledger.events.Topics;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Projection rebuild from offset zero: one more billing-service process with
 * {@code --premium.consumer.replay-only=true} (it runs only billing's rebuildable projections, in one processing
 * group {@code <name>.events} that reads just their topics, and decides, sends and publishes nothing), under
 * another application name (so its group is new and reads from the start) and another database (so it writes
 * fresh views). Timed by billing-topic progress alone until that group has consumed the billing topic to its end.
 */
final class Rebuild {

    private static final Duration TIMEOUT = Duration.ofMinutes(20);
    private static final Predicate<String> BILLING_TOPIC = Topics.BILLING::equals;

    private final BenchStack stack;
    private final Offsets offsets;

    Rebuild(BenchStack stack, Offsets offsets) {
        this.stack = stack;
        this.offsets = offsets;
    }

    Map<String, Object> run(String round, Map<String, Double> memory) throws Exception {
        String name = "billing-rebuild-" + round;
        Predicate<String> groups = group -> group.startsWith(name + ".");
        long billingEvents = offsets.records(Set.of(Topics.BILLING));
        long launched = System.nanoTime();
        stack.launch(name, "billing-service", List.of("--spring.application.name=" + name,
                "--spring.data.mongodb.database=billing_rebuild_" + round.replaceAll("[^a-z0-9]", ""),
                "--premium.consumer.replay-only=true"));
        long firstNanos = 0;
        long firstConsumed = 0;
        CpuSample cpuAtFirst = null;
        long deadline = launched + TIMEOUT.toNanos();
        Offsets.Progress progress;
        while (true) {
            if (!stack.alive(name)) {
                throw new IllegalStateException(name + " exited; see " + stack.log(name));
            }
            progress = offsets.progress(groups, BILLING_TOPIC);
            long now = System.nanoTime();
            if (firstNanos == 0 && progress.consumed() > 0) {
                // Consumption has begun: the rate is measured from here, so start-up time does not count.
                firstNanos = now;
                firstConsumed = progress.consumed();
                cpuAtFirst = cpu(name);
            }
            if (progress.groups() > 0 && progress.consumed() >= (long) progress.groups() * billingEvents) {
                break;
            }
            if (now > deadline) {
                throw new IllegalStateException(name + " did not catch up within " + TIMEOUT + ": " + progress);
            }
            Thread.sleep(50);
        }
        long done = System.nanoTime();
        CpuSample cpuAtEnd = cpu(name);
        // The work counters are scraped once, at the end: a scrape of the fresh process at the first commit takes
        // long enough on a busy machine for the whole rebuild to happen meanwhile, and it would delay the timing.
        Work.Counts workAtEnd = new Work(new Api()).scrape(List.of(stack.url(name)));
        memory.put(name, ProcessStats.residentMegabytes(stack.pid(name)));
        stack.stop(name);

        int groupCount = progress.groups();
        long deliveries = (long) groupCount * billingEvents;
        boolean measuredFromFirst = firstNanos > 0 && firstConsumed < deliveries / 2;
        long from = measuredFromFirst ? firstNanos : launched;
        // Each group that reads the billing topic reads every billing event once; the distinct events are the log's.
        long distinct = measuredFromFirst
                ? Math.round(billingEvents * (double) (deliveries - firstConsumed) / deliveries) : billingEvents;
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("billingTopicEvents", billingEvents);
        result.put("consumerGroupsReadingBilling", groupCount);
        result.put("seconds", Latencies.round((done - from) / 1e9));
        result.put("secondsIncludingStartup", Latencies.round((done - launched) / 1e9));
        result.put("measuredFrom", measuredFromFirst ? "first committed offset" : "process launch (too little"
                + " data to separate start-up)");
        result.put("eventsPerSecond", Baselines.perSecond(distinct, done - from));
        if (cpuAtFirst != null && distinct > 0) {
            // CPU per billing event consumed after the first commit; work over the process's whole life (its
            // start-up's few round trips included) per billing event.
            result.put("cost", cost(measuredFromFirst ? distinct : billingEvents, cpuAtFirst, cpuAtEnd, billingEvents,
                    workAtEnd));
        }
        return result;
    }

    /**
     * CPU per event from the first committed offset to the end (start-up excluded), and the process's work over
     * its whole life per billing event.
     */
    private static Map<String, Object> cost(long events, CpuSample before, CpuSample after, long billingEvents,
                                            Work.Counts work) {
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
        cost.put("workPerEvent", Work.per(work, billingEvents, 6));
        return cost;
    }

    /** CPU seconds so far of the rebuilding process, of this JVM (broker and store), and of the former's JIT. */
    private record CpuSample(double service, double brokerAndStore, double serviceCompiling) {
    }

    private CpuSample cpu(String name) {
        return new CpuSample(ProcessStats.cpuSeconds(stack.pid(name)),
                ProcessStats.cpuSeconds(ProcessHandle.current().pid()), ProcessStats.compilerCpuSeconds(stack.pid(name)));
    }
}
