package com.premiumledger.platform.rebuild;

import com.premiumledger.platform.PlatformProperties;
import com.premiumledger.platform.consumer.EventConsumers;
import com.premiumledger.platform.consumer.GroupOffsets;
import com.premiumledger.platform.web.ApiProblem;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.LockSupport;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.common.TopicPartition;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.kafka.listener.ConcurrentMessageListenerContainer;

/**
 * Rebuilds {@link RebuildableProjection}s without downtime. A rebuild consumes the projection's topics from
 * offset zero under a consumer group of its own, into a fresh copy of its collections, while the projection's
 * processing group goes on feeding the copy that answers queries. Every
 * {@code premium.rebuild.progress-sample-interval} its progress is measured from the broker (end offsets against
 * its group's committed offsets; the pace over {@code pace-window}, see {@link RebuildPace}); once fewer than
 * {@code switch-remaining-max} records are left it switches:
 *
 * <ol>
 *   <li>the processing group stops; its committed offsets are where the live copy is;</li>
 *   <li>the rebuild consumer runs on until its committed offsets reach those on every partition, so the
 *       fresh copy holds at least everything the live copy holds; then it stops too;</li>
 *   <li>one write to {@code projection_rebuilds} makes the fresh copy the one in use (queries and the projection
 *       resolve their collections through {@link ProjectionStore#live}, so they move in that step);</li>
 *   <li>the processing group starts again from its own offsets: what the fresh copy already holds is delivered
 *       again and dropped by the projection's sequence guard, so no record is skipped and none applied twice;</li>
 *   <li>the old copy's collections and the rebuild's consumer group are dropped.</li>
 * </ol>
 *
 * <p>A restart during a rebuild does not resume it: on start, a rebuild recorded as RUNNING or SWITCHING
 * (before the switching write) is marked FAILED with a message saying so, its partial copy is dropped, and the
 * live copy, which never stopped being the one in use, carries on. Leftover copies of a finished switch are
 * dropped too.
 */
public class ProjectionRebuilds {

    private static final Logger log = LoggerFactory.getLogger(ProjectionRebuilds.class);
    static final String RESTARTED = "the service stopped while this rebuild was %s; the partial copy was dropped"
            + " and the live copy kept answering; start the rebuild again";

    private final Map<String, RebuildableProjection> projections = new LinkedHashMap<>();
    private final ProjectionStore store;
    private final EventConsumers consumers;
    private final Admin admin;
    private final GroupOffsets offsets;
    private final PlatformProperties.Rebuild properties;
    private final Clock clock;
    private final Map<String, Running> running = new ConcurrentHashMap<>();
    private final Map<String, RebuildStatus> latest = new ConcurrentHashMap<>();

    /** A rebuild in this JVM. */
    private static final class Running {
        final int generation;
        final int liveGeneration;
        volatile ConcurrentMessageListenerContainer<String, byte[]> container;
        volatile String failure;
        final RebuildPace pace;

        Running(int generation, int liveGeneration, Duration paceWindow) {
            this.generation = generation;
            this.liveGeneration = liveGeneration;
            this.pace = new RebuildPace(paceWindow);
        }
    }

    public ProjectionRebuilds(List<RebuildableProjection> projections, ProjectionStore store,
                              EventConsumers consumers, Admin admin, PlatformProperties.Rebuild properties,
                              MeterRegistry meters, Clock clock) {
        projections.forEach(projection -> this.projections.put(projection.name(), projection));
        this.store = store;
        this.consumers = consumers;
        this.admin = admin;
        this.offsets = new GroupOffsets(admin, properties.adminTimeout());
        this.properties = properties;
        this.clock = clock;
        recoverAfterRestart();
        this.projections.keySet().forEach(this::refresh);
        registerGauges(meters);
    }

    private void recoverAfterRestart() {
        for (RebuildableProjection projection : projections.values()) {
            String name = projection.name();
            Document record = store.record(name).orElse(null);
            if (record != null && RebuildState.valueOf(record.getString("state")).active()) {
                int generation = record.getInteger("rebuildGeneration");
                dropCopy(projection, generation);
                store.end(name, RebuildState.FAILED,
                        RESTARTED.formatted(record.getString("state")), clock.instant());
                log.warn("rebuild of {} into copy {} was interrupted by a restart; marked FAILED", name, generation);
            }
            for (String stray : store.strayCopies(projection.collectionNames(), store.generation(name))) {
                store.dropCollection(stray);
                log.info("dropped {}, a copy of projection {} that is not in use", stray, name);
            }
        }
    }

    private void registerGauges(MeterRegistry meters) {
        for (String name : projections.keySet()) {
            Gauge.builder("ledger.projection.rebuild.events.processed", latest,
                            statuses -> statuses.get(name).eventsProcessed())
                    .description("Records a projection's latest rebuild consumed from its topics")
                    .tag("projection", name).register(meters);
            Gauge.builder("ledger.projection.rebuild.events.remaining", latest, statuses -> {
                        Long remaining = statuses.get(name).eventsRemaining();
                        return remaining == null ? 0 : remaining;
                    })
                    .description("Records a projection's running rebuild has still to consume (0 when none runs)")
                    .tag("projection", name).register(meters);
            Gauge.builder("ledger.projection.rebuild.events.rate", latest,
                            statuses -> statuses.get(name).eventsPerSecond())
                    .description("Records per second a projection's running rebuild consumes")
                    .tag("projection", name).register(meters);
            for (RebuildState state : RebuildState.values()) {
                Gauge.builder("ledger.projection.rebuild.state", latest,
                                statuses -> statuses.get(name).state() == state ? 1 : 0)
                        .description("1 for the state of a projection's latest rebuild, 0 for the others")
                        .tags("projection", name, "state", state.name()).register(meters);
            }
        }
    }

    /** Every rebuildable projection of this service with its latest rebuild. */
    public List<RebuildStatus> list() {
        return projections.keySet().stream().map(this::status).toList();
    }

    public RebuildStatus status(String name) {
        return refresh(projection(name).name());
    }

    private RebuildStatus refresh(String name) {
        RebuildStatus status = RebuildStatus.of(projections.get(name), store.record(name).orElse(null));
        latest.put(name, status);
        return status;
    }

    private RebuildableProjection projection(String name) {
        RebuildableProjection projection = projections.get(name);
        if (projection == null) {
            throw ApiProblem.notFound("projection-not-found", "this service has no rebuildable projection " + name
                    + "; rebuildable: " + projections.keySet());
        }
        return projection;
    }

    /** Starts building a fresh copy of {@code name}; 409 while one runs or too many run. */
    public synchronized RebuildStatus start(String name) {
        RebuildableProjection projection = projection(name);
        if (running.containsKey(name)) {
            throw ApiProblem.conflict("rebuild-running", "a rebuild of " + name + " is already running; wait for"
                    + " it or cancel it");
        }
        if (running.size() >= properties.concurrentMax()) {
            throw ApiProblem.conflict("rebuilds-at-limit", running.size() + " rebuilds are running, at most "
                    + properties.concurrentMax() + " may (premium.rebuild.concurrent-max)");
        }
        Document record = store.record(name).orElse(null);
        int liveGeneration = store.generation(name);
        int previous = record == null ? 0 : record.getInteger("rebuildGeneration", 0);
        int generation = Math.max(liveGeneration, previous) + 1;
        dropCopy(projection, generation);
        if (!store.begin(name, generation, clock.instant())) {
            throw ApiProblem.conflict("rebuild-running", "a rebuild of " + name + " is already running");
        }
        Running rebuild = new Running(generation, liveGeneration, properties.paceWindow());
        running.put(name, rebuild);
        try {
            rebuild.container = consumers.startRebuild(projection, generation, store.copy(generation),
                    exception -> {
                        if (rebuild.failure == null) {
                            rebuild.failure = exception.getMessage();
                        }
                    });
        } catch (RuntimeException e) {
            running.remove(name);
            dropCopy(projection, generation);
            store.end(name, RebuildState.FAILED, "the rebuild's consumer did not start: " + e, clock.instant());
            throw e;
        }
        log.info("rebuild of {} into copy {} started (copy {} answers queries meanwhile)", name, generation,
                liveGeneration);
        return refresh(name);
    }

    /** Stops the running rebuild of {@code name} and drops its partial copy. */
    public synchronized RebuildStatus cancel(String name) {
        RebuildableProjection projection = projection(name);
        Running rebuild = running.get(name);
        if (rebuild == null) {
            throw ApiProblem.conflict("no-rebuild-running", "no rebuild of " + name + " is running");
        }
        abandon(projection, rebuild, RebuildState.CANCELLED, "cancelled by an operator");
        return refresh(name);
    }

    private void abandon(RebuildableProjection projection, Running rebuild, RebuildState state, String message) {
        if (rebuild.container != null) {
            rebuild.container.stop();
        }
        dropCopy(projection, rebuild.generation);
        deleteGroup(consumers.rebuildGroupId(projection.name(), rebuild.generation));
        store.end(projection.name(), state, message, clock.instant());
        running.remove(projection.name());
        log.info("rebuild of {} into copy {} ended {}: {}", projection.name(), rebuild.generation, state, message);
    }

    private void dropCopy(RebuildableProjection projection, int generation) {
        store.drop(projection.collectionNames(), generation);
    }

    /** One round of the monitor: progress of every running rebuild, and the switch of those caught up. */
    @Scheduled(fixedDelayString = "${premium.rebuild.progress-sample-interval:1s}")
    synchronized void sample() {
        for (String name : List.copyOf(running.keySet())) {
            RebuildableProjection projection = projections.get(name);
            Running rebuild = running.get(name);
            try {
                if (rebuild.failure != null) {
                    abandon(projection, rebuild, RebuildState.FAILED, rebuild.failure);
                    continue;
                }
                Progress progress = progress(projection, consumers.rebuildGroupId(name, rebuild.generation));
                double perSecond = rebuild.pace.sample(System.nanoTime(), progress.processed());
                store.progress(name, progress.processed(), progress.remaining(), Math.round(perSecond * 10) / 10.0);
                refresh(name);
                if (progress.remaining() <= properties.switchRemainingMax()) {
                    switchOver(projection, rebuild);
                }
            } catch (TimeoutException | ExecutionException | RuntimeException e) {
                log.warn("rebuild of {} not sampled this time: {}", name, e.toString());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } finally {
                refresh(name);
            }
        }
    }

    private void switchOver(RebuildableProjection projection, Running rebuild)
            throws ExecutionException, InterruptedException, TimeoutException {
        String name = projection.name();
        store.state(name, RebuildState.SWITCHING);
        refresh(name);
        consumers.stopLive(name);
        try {
            catchUpAndSwitch(projection, rebuild);
        } catch (ExecutionException | TimeoutException | RuntimeException e) {
            // Before the switching write the live copy is still the one in use: it resumes, the rebuild fails.
            if (store.generation(name) != rebuild.generation) {
                consumers.resumeLive(name);
                abandon(projection, rebuild, RebuildState.FAILED, "the switch failed: " + e);
                return;
            }
            throw e;
        }
    }

    private void catchUpAndSwitch(RebuildableProjection projection, Running rebuild)
            throws ExecutionException, InterruptedException, TimeoutException {
        String name = projection.name();
        String rebuildGroup = consumers.rebuildGroupId(name, rebuild.generation);
        Map<TopicPartition, Long> livePositions = offsets.committed(consumers.liveGroupId(name));
        livePositions.keySet().removeIf(partition -> !projection.topics().contains(partition.topic()));
        long deadline = System.nanoTime() + properties.switchTimeout().toNanos();
        while (!reached(offsets.committed(rebuildGroup), livePositions)) {
            if (rebuild.failure != null || System.nanoTime() > deadline) {
                consumers.resumeLive(name);
                abandon(projection, rebuild, RebuildState.FAILED, rebuild.failure != null ? rebuild.failure
                        : "the fresh copy did not reach the live copy's positions within "
                        + properties.switchTimeout() + " (premium.rebuild.switch-timeout); the live copy resumed");
                return;
            }
            LockSupport.parkNanos(Duration.ofMillis(20).toNanos());
        }
        rebuild.container.stop();
        Progress progress = progress(projection, rebuildGroup);
        store.switchTo(name, rebuild.generation, clock.instant());
        // The group goes on from its own offsets: what the fresh copy already holds comes again, and the
        // projection's sequence guard drops it.
        consumers.resumeLive(name);
        running.remove(name);
        store.drop(projection.collectionNames(), rebuild.liveGeneration);
        deleteGroup(rebuildGroup);
        store.progress(name, progress.processed(), progress.remaining(), store.record(name).map(record ->
                record.get("eventsPerSecond", 0.0)).orElse(0.0));
        log.info("projection {} switched to its rebuilt copy {}; copy {} dropped", name, rebuild.generation,
                rebuild.liveGeneration);
    }

    private static boolean reached(Map<TopicPartition, Long> positions, Map<TopicPartition, Long> targets) {
        return targets.entrySet().stream().allMatch(target ->
                positions.getOrDefault(target.getKey(), 0L) >= target.getValue());
    }

    private void deleteGroup(String group) {
        try {
            admin.deleteConsumerGroups(List.of(group)).all()
                    .get(properties.adminTimeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException | TimeoutException e) {
            log.info("consumer group {} not deleted ({}); it holds only offsets of a dropped copy", group,
                    e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    record Progress(long processed, long remaining) {
    }

    private Progress progress(RebuildableProjection projection, String group)
            throws ExecutionException, InterruptedException, TimeoutException {
        long processed = 0;
        long remaining = 0;
        for (GroupOffsets.Position position : offsets.of(group, projection.topics()).values()) {
            processed += position.consumed();
            remaining += position.lag();
        }
        return new Progress(processed, remaining);
    }

    /** Stops the consumers of rebuilds still running; their copies are dropped at the next start. */
    public void close() {
        running.values().forEach(rebuild -> rebuild.container.stop());
    }
}
