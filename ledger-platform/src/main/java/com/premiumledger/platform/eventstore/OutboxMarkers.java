package com.premiumledger.platform.eventstore;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.DeleteOneModel;
import com.mongodb.client.model.Filters;
import com.premiumledger.platform.store.IdGuard;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.LockSupport;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.bson.Document;

/**
 * The outbox: one marker per aggregate ({@code event_pending}, {@code _id} = aggregate id) names the aggregate's
 * commit that Kafka has not acknowledged yet. It is written before the commit and removed once Kafka acknowledged
 * every event of it, so a crash between storing and publishing leaves a marker the sweeper finds.
 *
 * <p>Because there is one marker per aggregate, commit N+1 cannot be stored while commit N is unacknowledged: its
 * writer first waits for N's acknowledgement (or publishes N itself when that takes longer than
 * {@code predecessorWait}), then takes the marker over. So one aggregate's events first reach Kafka in sequence
 * order with no gaps, whichever process wrote them and whatever crashed, and consumers need no gate; what reaches
 * Kafka twice (a republish) only ever comes after its first copy.
 */
public final class OutboxMarkers {

    static final String COLLECTION = "event_pending";
    private static final long POLL_NANOS = TimeUnit.MILLISECONDS.toNanos(5);
    private static final IdGuard COMMIT_GUARD = new IdGuard("commitId");

    private final MongoCollection<Document> markers;
    private final Duration writerAlive;
    private final Duration predecessorWait;
    private final Clock clock;

    /**
     * @param writerAlive a marker of the very commit being written that is younger than this belongs to a live
     *     writer (a concurrent command on the same aggregate version), older to one that died before storing
     * @param predecessorWait how long a writer waits for the acknowledgement of the aggregate's previous commit
     *     before it publishes that commit itself
     */
    public OutboxMarkers(MongoDatabase database, Duration writerAlive, Duration predecessorWait, Clock clock) {
        this.markers = database.getCollection(COLLECTION);
        this.writerAlive = writerAlive;
        this.predecessorWait = predecessorWait;
        this.clock = clock;
    }

    /** Takes the aggregate's marker for {@code commit}, after its previous commit was acknowledged. */
    void claim(StoredCommit commit, CommitReader reader, CommitPublisher publisher) {
        Document marker = new Document("_id", commit.aggregateId())
                .append("aggregateId", commit.aggregateId())
                .append("commitId", commit.commitId())
                .append("firstSequence", commit.firstSequence())
                .append("storedAt", Date.from(clock.instant()));
        long deadline = System.nanoTime() + predecessorWait.toNanos();
        // Usually this process wrote the previous commit and still holds its marker: take it over in one write.
        Optional<String> previous = publisher.unreleased(commit.aggregateId());
        if (previous.isPresent() && !previous.get().equals(commit.commitId())
                && predecessorPublished(previous.get(), reader, publisher, deadline)
                && replace(commit.aggregateId(), previous.get(), marker)) {
            return;
        }
        while (!tryInsert(marker)) {
            Document held = markers.find(Filters.eq("_id", commit.aggregateId())).first();
            if (held == null) {
                continue;
            }
            String heldCommit = held.getString("commitId");
            boolean taken = heldCommit.equals(commit.commitId())
                    ? takeOverFromDeadWriter(held, marker, commit, reader)
                    : predecessorPublished(heldCommit, reader, publisher, deadline)
                            && replace(commit.aggregateId(), heldCommit, marker);
            if (taken) {
                return;
            }
        }
    }

    /** What a writer gets for a commit id that another writer holds: the aggregate exists, or moved on. */
    static RuntimeException conflict(StoredCommit commit) {
        if (commit.firstSequence() == 0) {
            return new AggregateStreamCreationException("aggregate " + commit.aggregateId() + " already exists");
        }
        return new ConcurrencyException("aggregate " + commit.aggregateId() + " was changed concurrently at sequence "
                + commit.firstSequence());
    }

    private boolean tryInsert(Document marker) {
        try {
            markers.insertOne(marker);
            return true;
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                throw e;
            }
            return false;
        }
    }

    private boolean takeOverFromDeadWriter(Document held, Document marker, StoredCommit commit,
                                           CommitReader reader) {
        if (storedAt(held).isAfter(clock.instant().minus(writerAlive)) || reader.find(commit.commitId()).isPresent()) {
            // Another writer stored, or is storing, this very sequence.
            throw conflict(commit);
        }
        // Its writer died between marker and commit (the commit would be in the chain this writer loaded).
        return replace(commit.aggregateId(), held.getString("commitId"), marker);
    }

    /**
     * Whether the held marker's commit has reached Kafka: acknowledged to this process's own send, or published
     * here and now because its send failed or takes longer than the wait allows. False: look again.
     */
    private boolean predecessorPublished(String heldCommit, CommitReader reader, CommitPublisher publisher,
                                         long deadline) {
        Optional<CompletableFuture<Void>> own = publisher.inFlight(heldCommit);
        if (own.isPresent()) {
            try {
                own.get().get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                return true;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for " + heldCommit, e);
            } catch (ExecutionException | TimeoutException e) {
                return publishNow(heldCommit, reader, publisher);
            }
        }
        if (System.nanoTime() < deadline) {
            LockSupport.parkNanos(POLL_NANOS);
            return false;
        }
        return publishNow(heldCommit, reader, publisher);
    }

    private boolean publishNow(String commitId, CommitReader reader, CommitPublisher publisher) {
        Optional<StoredCommit> stored = reader.find(commitId);
        if (stored.isEmpty()) {
            // Its writer died before storing it: the command was never accepted, nothing to publish.
            return true;
        }
        try {
            publisher.publishAndWait(stored.get());
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while publishing " + commitId, e);
        } catch (Exception e) {
            throw new ConcurrencyException("the previous commit " + commitId + " of this aggregate is not"
                    + " published yet and publishing it failed: " + e.getMessage());
        }
    }

    private boolean replace(String aggregateId, String heldCommit, Document marker) {
        // Matches nothing if the marker was removed or taken meanwhile: the caller then tries again.
        return markers.replaceOne(COMMIT_GUARD.on(markers, aggregateId, heldCommit), marker).getMatchedCount() == 1;
    }

    /** Removes the markers of acknowledged commits, each only if it still names that commit. */
    public void release(List<StoredCommit> acknowledged) {
        if (acknowledged.isEmpty()) {
            return;
        }
        List<DeleteOneModel<Document>> deletes = new ArrayList<>(acknowledged.size());
        for (StoredCommit commit : acknowledged) {
            deletes.add(new DeleteOneModel<>(COMMIT_GUARD.on(markers, commit.aggregateId(), commit.commitId())));
        }
        markers.bulkWrite(deletes, new BulkWriteOptions().ordered(false));
    }

    /** Removes the marker of a writer that never stored its commit, unless another writer took it meanwhile. */
    public void release(String aggregateId, String commitId) {
        markers.deleteOne(COMMIT_GUARD.on(markers, aggregateId, commitId));
    }

    /** A marker as the sweeper sees it. */
    public record Marker(String aggregateId, String commitId, Instant storedAt) {
    }

    /** Markers older than {@code cutoff}: the collection holds only commits in flight, so this stays small. */
    public List<Marker> olderThan(Instant cutoff, int limit) {
        List<Marker> found = new ArrayList<>();
        for (Document document : markers.find(Filters.lt("storedAt", Date.from(cutoff))).limit(limit)) {
            found.add(new Marker(document.getString("_id"), document.getString("commitId"), storedAt(document)));
        }
        return found;
    }

    public long count() {
        return markers.estimatedDocumentCount();
    }

    private static Instant storedAt(Document marker) {
        return marker.getDate("storedAt").toInstant();
    }

    /** Reads a commit by id (the event store). */
    interface CommitReader {
        Optional<StoredCommit> find(String commitId);
    }
}
