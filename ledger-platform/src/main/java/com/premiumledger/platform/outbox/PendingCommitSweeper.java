package com.premiumledger.platform.outbox;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.premiumledger.platform.eventstore.MongoEventStorageEngine;
import com.premiumledger.platform.eventstore.StoredCommit;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * The guarantee that a stored event reaches Kafka: every commit is preceded by an outbox marker, and the
 * marker goes only after Kafka acknowledged the commit. This sweeper finds markers older than the live
 * path needs, republishes their commits in aggregate order, and removes the markers. The marker
 * collection holds only in-flight commits, so listing it stays cheap however large the store grows.
 */
public class PendingCommitSweeper {

    private static final Logger log = LoggerFactory.getLogger(PendingCommitSweeper.class);

    private final MongoCollection<Document> pending;
    private final MongoEventStorageEngine storage;
    private final KafkaCommitPublisher publisher;
    private final OutboxProperties properties;
    private final Counter republished;
    private final Counter abandoned;
    private final AtomicLong lastSeenPending = new AtomicLong();

    public PendingCommitSweeper(MongoDatabase database, MongoEventStorageEngine storage,
                                KafkaCommitPublisher publisher, OutboxProperties properties, MeterRegistry meters) {
        this.pending = database.getCollection("event_pending");
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
        // The marker collection holds only commits in flight, so filtering it server-side stays cheap; young
        // markers (still in their writer's hands) must never crowd old ones out of a batch.
        lastSeenPending.set(pending.countDocuments());
        List<Document> markers = new ArrayList<>();
        pending.find(Filters.lt("storedAt", java.util.Date.from(cutoff))).limit(properties.sweepBatchMax())
                .into(markers);
        // One aggregate's commits go out in sequence order, as the live path sent them.
        markers.sort(Comparator.comparing((Document marker) -> marker.getString("aggregateId"))
                .thenComparing(marker -> marker.getLong("firstSequence")));
        int count = 0;
        for (Document marker : markers) {
            if (recover(marker)) {
                count++;
            }
        }
        return count;
    }

    private boolean recover(Document marker) {
        String commitId = marker.getString("_id");
        Optional<StoredCommit> commit = storage.findCommit(commitId);
        if (commit.isEmpty()) {
            Instant storedAt = marker.getDate("storedAt").toInstant();
            if (storedAt.isBefore(Instant.now().minus(properties.abandonAfter()))) {
                pending.deleteOne(Filters.eq("_id", commitId));
                abandoned.increment();
            }
            return false;
        }
        try {
            publisher.publishAndWait(commit.get());
            pending.deleteOne(Filters.eq("_id", commitId));
            republished.increment();
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (Exception e) {
            log.warn("republishing commit {} failed; will retry at the next sweep: {}", commitId, e.toString());
            return false;
        }
    }
}
