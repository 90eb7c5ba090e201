package com.premiumledger.platform.outbox;

import com.premiumledger.platform.PlatformProperties;
import com.premiumledger.platform.eventstore.CommitPublisher;
import com.premiumledger.platform.eventstore.OutboxMarkers;
import com.premiumledger.platform.eventstore.StoredCommit;
import com.premiumledger.platform.eventstore.StoredEvent;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Sends each stored commit to Kafka as soon as it is stored, then removes its outbox marker once every
 * event of it is acknowledged. A failed send leaves the marker for the sweep ({@link #sweep}), which is why a
 * failure is counted, not retried inline.
 *
 * <p>Marker removal runs on its own thread in batches: never on Kafka's I/O thread, never one by one. Until a
 * marker is removed, the aggregate's next writer in this process takes it over in one write ({@link #unreleased}).
 */
public class KafkaCommitPublisher implements CommitPublisher, SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(KafkaCommitPublisher.class);
    private static final int MARKER_DELETE_BATCH_MAX = 500;

    private final Producer<String, byte[]> producer;
    private final OutboxMarkers markers;
    private final PlatformProperties.Outbox properties;
    private final BlockingQueue<StoredCommit> acknowledged = new LinkedBlockingQueue<>();
    private final Map<String, CompletableFuture<Void>> inFlight = new ConcurrentHashMap<>();
    private final Map<String, String> unreleased = new ConcurrentHashMap<>();
    private final Function<String, Optional<StoredCommit>> commits;
    private final Counter publishedEvents;
    private final Counter failedCommits;
    private final Counter republished;
    private final Counter abandoned;
    private final AtomicLong pendingAtLastSweep = new AtomicLong();
    private volatile boolean running;
    private Thread remover;

    /** {@code commits}: reads a stored commit by id (the event store), for the sweep. */
    public KafkaCommitPublisher(Producer<String, byte[]> producer, OutboxMarkers markers,
                                PlatformProperties.Outbox properties, MeterRegistry meters,
                                Function<String, Optional<StoredCommit>> commits) {
        this.producer = producer;
        this.markers = markers;
        this.properties = properties;
        this.commits = commits;
        this.publishedEvents = Counter.builder("ledger.outbox.published.events")
                .description("events acknowledged by Kafka on the live path").register(meters);
        this.failedCommits = Counter.builder("ledger.outbox.failed.commits")
                .description("commits whose live send failed; the sweeper republishes them").register(meters);
        this.republished = Counter.builder("ledger.outbox.republished.commits")
                .description("commits the sweeper published after the live path did not").register(meters);
        this.abandoned = Counter.builder("ledger.outbox.abandoned.markers")
                .description("markers of writers that died before storing their commit").register(meters);
        Gauge.builder("ledger.outbox.pending.commits", pendingAtLastSweep, AtomicLong::get)
                .description("outbox markers seen at the last sweep").register(meters);
    }

    /**
     * The guarantee that a stored event reaches Kafka: markers older than the live path needs (a failed send, or a
     * process that died) get their commits published again and are removed; a marker whose commit was never
     * stored (its writer died first, so the command was never accepted) is removed after {@code abandon-after}.
     */
    @Scheduled(fixedDelayString = "${premium.outbox.sweep-interval:2s}",
            initialDelayString = "${premium.outbox.sweep-interval:2s}")
    public void sweep() {
        sweepOlderThan(Instant.now().minus(properties.sweepMinAge()));
    }

    /** Republishes every commit whose marker is older than {@code cutoff}; returns how many. */
    public int sweepOlderThan(Instant cutoff) {
        pendingAtLastSweep.set(markers.count());
        // One marker per aggregate names its only unacknowledged commit, so any order is the aggregate's order.
        int count = 0;
        for (OutboxMarkers.Marker marker : markers.olderThan(cutoff, properties.sweepBatchMax())) {
            Optional<StoredCommit> commit = commits.apply(marker.commitId());
            if (commit.isEmpty()) {
                if (marker.storedAt().isBefore(Instant.now().minus(properties.abandonAfter()))) {
                    markers.release(marker.aggregateId(), marker.commitId());
                    abandoned.increment();
                }
                continue;
            }
            try {
                publishAndWait(commit.get());
                markers.release(List.of(commit.get()));
                republished.increment();
                count++;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return count;
            } catch (Exception e) {
                log.warn("republishing commit {} failed; will retry at the next sweep: {}", marker.commitId(),
                        e.toString());
            }
        }
        return count;
    }

    @Override
    public void publish(StoredCommit commit) {
        List<CompletableFuture<RecordMetadata>> sends = sendAll(commit);
        CompletableFuture<Void> all = CompletableFuture.allOf(sends.toArray(CompletableFuture[]::new));
        // The aggregate's next writer waits for this before it stores its commit (see OutboxMarkers).
        inFlight.put(commit.commitId(), all);
        unreleased.put(commit.aggregateId(), commit.commitId());
        all.whenComplete((ignored, failure) -> {
            inFlight.remove(commit.commitId(), all);
            if (failure == null) {
                publishedEvents.increment(commit.events().size());
                acknowledged.add(commit);
            } else {
                // Not this process's to hand over any more: the aggregate's next writer or the sweeper publishes it.
                unreleased.remove(commit.aggregateId(), commit.commitId());
                failedCommits.increment();
                log.warn("publishing commit {} failed; its outbox marker stays for the sweeper: {}",
                        commit.commitId(), failure.toString());
            }
        });
    }

    /**
     * Sends every event of a commit: an event's record to its key's partition, a broadcast event
     * ({@link com.premiumledger.events.PartitionBroadcast}) to every partition of the topic. Sends happen in
     * call order, so on each partition a broadcast copy follows whatever was sent to it before.
     */
    private List<CompletableFuture<RecordMetadata>> sendAll(StoredCommit commit) {
        List<CompletableFuture<RecordMetadata>> sends = new ArrayList<>(commit.events().size());
        for (StoredEvent event : commit.events()) {
            int partitions;
            try {
                partitions = event.broadcast() ? partitions() : 1;
            } catch (RuntimeException e) {
                // No metadata for the topic: like a failed send, the outbox marker stays for the sweeper.
                sends.add(CompletableFuture.failedFuture(e));
                continue;
            }
            for (ProducerRecord<String, byte[]> record : event.toRecords(properties.topic(), properties.source(),
                    partitions)) {
                sends.add(send(record));
            }
        }
        return sends;
    }

    /** The topic's partition count from the producer's metadata (fetched once, then cached by the client). */
    private int partitions() {
        return producer.partitionsFor(properties.topic()).size();
    }

    /** Sends one record; the future completes when Kafka acknowledged it (acks=all). */
    CompletableFuture<RecordMetadata> send(ProducerRecord<String, byte[]> record) {
        CompletableFuture<RecordMetadata> future = new CompletableFuture<>();
        try {
            producer.send(record, (metadata, exception) -> {
                if (exception == null) {
                    future.complete(metadata);
                } else {
                    future.completeExceptionally(exception);
                }
            });
        } catch (RuntimeException e) {
            future.completeExceptionally(e);
        }
        return future;
    }

    @Override
    public Optional<String> unreleased(String aggregateId) {
        return Optional.ofNullable(unreleased.get(aggregateId));
    }

    @Override
    public Optional<CompletableFuture<Void>> inFlight(String commitId) {
        return Optional.ofNullable(inFlight.get(commitId));
    }

    /** Sends a commit and waits for every acknowledgement; used by the sweeper and a waiting writer. */
    @Override
    public void publishAndWait(StoredCommit commit) throws Exception {
        List<CompletableFuture<RecordMetadata>> sends = sendAll(commit);
        CompletableFuture.allOf(sends.toArray(CompletableFuture[]::new))
                .get(properties.sendTimeout().toMillis(), TimeUnit.MILLISECONDS);
    }

    private void removeAcknowledgedMarkers() {
        List<StoredCommit> batch = new ArrayList<>(MARKER_DELETE_BATCH_MAX);
        while (running || !acknowledged.isEmpty()) {
            try {
                StoredCommit first = acknowledged.poll(200, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                gather(batch);
                markers.release(batch);
                batch.forEach(commit -> unreleased.remove(commit.aggregateId(), commit.commitId()));
                batch.clear();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                // The markers stay; the sweeper republishes those commits, and consumers drop the duplicates.
                log.warn("removing {} outbox markers failed: {}", batch.size(), e.toString());
                batch.clear();
            }
        }
    }

    /** More acknowledged commits for one bulk delete, for at most {@code premium.outbox.release-linger}. */
    private void gather(List<StoredCommit> batch) throws InterruptedException {
        long until = System.nanoTime() + properties.releaseLinger().toNanos();
        long left;
        while (batch.size() < MARKER_DELETE_BATCH_MAX && (left = until - System.nanoTime()) > 0) {
            StoredCommit next = acknowledged.poll(left, TimeUnit.NANOSECONDS);
            if (next == null) {
                return;
            }
            batch.add(next);
            acknowledged.drainTo(batch, MARKER_DELETE_BATCH_MAX - batch.size());
        }
    }

    @Override
    public void start() {
        running = true;
        remover = new Thread(this::removeAcknowledgedMarkers, "outbox-marker-remover");
        remover.setDaemon(true);
        remover.start();
    }

    @Override
    public void stop() {
        running = false;
        producer.flush();
        try {
            remover.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        // Stops after the web server and listeners (higher phases stop first), so in-flight commits drain.
        return Integer.MIN_VALUE + 100;
    }
}
