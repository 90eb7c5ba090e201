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
        return result;
    }

    private static Predicate<String> projectionGroupsOf(String application) {
        return group -> group.startsWith(application + ".")
                && !REACTIONS.contains(group.substring(application.length() + 1));
    }
}
