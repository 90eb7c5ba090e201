package com.premiumledger.platform.outbox;

import com.premiumledger.platform.eventstore.CommitPublisher;
import com.premiumledger.platform.eventstore.OutboxMarkers;
import com.premiumledger.platform.eventstore.StoredCommit;
import com.premiumledger.platform.eventstore.StoredEvent;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Sends each stored commit to Kafka as soon as it is stored, then removes its outbox marker once every
 * event of it is acknowledged. A failed send leaves the marker for {@link PendingCommitSweeper}; nothing
 * here is the last line of defence, which is why a failure is counted, not retried inline.
 *
 * <p>Marker removal runs on its own thread in batches: never on Kafka's I/O thread, never one by one. Until a
 * marker is removed, the aggregate's next writer in this process takes it over in one write ({@link #unreleased}).
 */
public class KafkaCommitPublisher implements CommitPublisher, SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(KafkaCommitPublisher.class);
    private static final int MARKER_DELETE_BATCH_MAX = 500;

    private final Producer<String, byte[]> producer;
    private final OutboxMarkers markers;
    private final OutboxProperties properties;
    private final BlockingQueue<StoredCommit> acknowledged = new LinkedBlockingQueue<>();
    private final Map<String, CompletableFuture<Void>> inFlight = new ConcurrentHashMap<>();
    private final Map<String, String> unreleased = new ConcurrentHashMap<>();
    private final Counter publishedEvents;
    private final Counter failedCommits;
    private volatile boolean running;
    private Thread remover;

    public KafkaCommitPublisher(Producer<String, byte[]> producer, OutboxMarkers markers,
                                OutboxProperties properties, MeterRegistry meters) {
        this.producer = producer;
        this.markers = markers;
        this.properties = properties;
        this.publishedEvents = Counter.builder("ledger.outbox.published.events")
                .description("events acknowledged by Kafka on the live path").register(meters);
        this.failedCommits = Counter.builder("ledger.outbox.failed.commits")
                .description("commits whose live send failed; the sweeper republishes them").register(meters);
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
