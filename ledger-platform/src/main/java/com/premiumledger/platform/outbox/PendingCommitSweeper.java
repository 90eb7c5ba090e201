package com.premiumledger.platform.outbox;

import com.premiumledger.platform.eventstore.MongoEventStorageEngine;
import com.premiumledger.platform.eventstore.OutboxMarkers;
import com.premiumledger.platform.eventstore.StoredCommit;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * The guarantee that a stored event reaches Kafka: every commit is preceded by an outbox marker, and the
 * marker goes only after Kafka acknowledged the commit. This sweeper finds markers older than the live
 * path needs, republishes their commits, and removes the markers. The marker
 * collection holds only in-flight commits, so listing it stays cheap however large the store grows.
 */
public class PendingCommitSweeper {

    private static final Logger log = LoggerFactory.getLogger(PendingCommitSweeper.class);

    private final OutboxMarkers markers;
    private final MongoEventStorageEngine storage;
    private final KafkaCommitPublisher publisher;
    private final OutboxProperties properties;
    private final Counter republished;
    private final Counter abandoned;
    private final AtomicLong lastSeenPending = new AtomicLong();

    public PendingCommitSweeper(OutboxMarkers markers, MongoEventStorageEngine storage,
                                KafkaCommitPublisher publisher, OutboxProperties properties, MeterRegistry meters) {
        this.markers = markers;
        this.storage = storage;
        this.publisher = publisher;
        this.properties = properties;
        this.republished = Counter.builder("ledger.outbox.republished.commits")
                .description("commits the sweeper published after the live path did not").register(meters);
        this.abandoned = Counter.builder("ledger.outbox.abandoned.markers")
                .description("markers of writers that died before storing their commit").register(meters);
        Gauge.builder("ledger.outbox.pending.commits", lastSeenPending, AtomicLong::get)
                .description("outbox markers seen at the last sweep").register(meters);
    }

    @Scheduled(fixedDelayString = "${premium.outbox.sweep-interval:2s}",
            initialDelayString = "${premium.outbox.sweep-interval:2s}")
    public void sweep() {
        sweepOlderThan(Instant.now().minus(properties.sweepMinAge()));
    }

    /** Republishes every commit whose marker is older than {@code cutoff}; returns how many. */
    public int sweepOlderThan(Instant cutoff) {
        lastSeenPending.set(markers.count());
        // One marker per aggregate: each names the aggregate's only unacknowledged commit, so any order is
        // the aggregate's order.
        int count = 0;
        for (OutboxMarkers.Marker marker : markers.olderThan(cutoff, properties.sweepBatchMax())) {
            if (recover(marker)) {
                count++;
            }
        }
        return count;
    }

    private boolean recover(OutboxMarkers.Marker marker) {
        Optional<StoredCommit> commit = storage.findCommit(marker.commitId());
        if (commit.isEmpty()) {
            if (marker.storedAt().isBefore(Instant.now().minus(properties.abandonAfter()))) {
                markers.release(marker.aggregateId(), marker.commitId());
                abandoned.increment();
            }
            return false;
        }
        try {
            publisher.publishAndWait(commit.get());
            markers.release(List.of(commit.get()));
            republished.increment();
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (Exception e) {
            log.warn("republishing commit {} failed; will retry at the next sweep: {}", marker.commitId(),
                    e.toString());
            return false;
        }
    }
}
