package com.premiumledger.platform.eventstore;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.premiumledger.events.EventJson;
import com.premiumledger.events.EventTypes;
import com.premiumledger.events.LedgerEvent;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.bson.Document;

/**
 * An Axon event storage engine whose every read and write is an {@code _id} lookup, so its cost does not
 * grow with the size of the store (the embedded server scans for anything else, and a real server would
 * need secondary indexes).
 *
 * <p>Layout: collection {@code event_commits} holds one document per commit, {@code _id} =
 * aggregate id + ":" + first sequence number. Loading an aggregate asks for the next block of candidate
 * ids with {@code $in} and walks the chain of commits. Before a commit is written, the aggregate's outbox marker
 * is taken ({@link OutboxMarkers}): a crash between storing and publishing leaves a marker the sweeper finds, and
 * commit N+1 is stored only once commit N was acknowledged by Kafka.
 *
 * <p>There is no global order and no streaming read: projections are fed from Kafka, never from here.
 */
public class MongoEventStorageEngine implements EventStorageEngine {

    static final String COMMITS = "event_commits";

    private final MongoCollection<Document> commits;
    private final OutboxMarkers markers;
    private final CommitPublisher publisher;
    private final int readBatchSize;
    private final int eventsPerCommitMax;

    public MongoEventStorageEngine(MongoDatabase database, CommitPublisher publisher, int readBatchSize,
                                   int eventsPerCommitMax, OutboxMarkers markers) {
        if (readBatchSize < 1 || eventsPerCommitMax < 1) {
            throw new IllegalArgumentException("read batch size and events per commit must be positive");
        }
        this.commits = database.getCollection(COMMITS);
        this.markers = markers;
        this.publisher = publisher;
        this.readBatchSize = readBatchSize;
        this.eventsPerCommitMax = eventsPerCommitMax;
    }

    @Override
    public void appendEvents(List<? extends EventMessage<?>> events) {
        Map<String, List<DomainEventMessage<?>>> byAggregate = new LinkedHashMap<>();
        for (EventMessage<?> event : events) {
            if (!(event instanceof DomainEventMessage<?> domainEvent)) {
                throw new IllegalArgumentException("only aggregate events are stored; got "
                        + event.getPayloadType().getName());
            }
            byAggregate.computeIfAbsent(domainEvent.getAggregateIdentifier(), id -> new ArrayList<>()).add(domainEvent);
        }
        for (List<DomainEventMessage<?>> aggregateEvents : byAggregate.values()) {
            StoredCommit commit = toCommit(aggregateEvents);
            store(commit);
            publisher.publish(commit);
        }
    }

    private StoredCommit toCommit(List<DomainEventMessage<?>> events) {
        if (events.size() > eventsPerCommitMax) {
            throw new IllegalArgumentException("one command may append at most " + eventsPerCommitMax
                    + " events to an aggregate; got " + events.size());
        }
        DomainEventMessage<?> first = events.get(0);
        List<StoredEvent> stored = new ArrayList<>(events.size());
        for (DomainEventMessage<?> event : events) {
            stored.add(toStoredEvent(event));
        }
        long lastSequence = events.get(events.size() - 1).getSequenceNumber();
        return new StoredCommit(StoredCommit.commitId(first.getAggregateIdentifier(), first.getSequenceNumber()),
                first.getAggregateIdentifier(), first.getSequenceNumber(), lastSequence, Instant.now(), stored);
    }

    private static StoredEvent toStoredEvent(DomainEventMessage<?> event) {
        if (!(event.getPayload() instanceof LedgerEvent payload)) {
            throw new IllegalArgumentException("events must be shared-events contracts; got "
                    + event.getPayloadType().getName());
        }
        Map<String, String> metadata = new HashMap<>();
        event.getMetaData().forEach((key, value) -> {
            if (value != null) {
                metadata.put(key, value.toString());
            }
        });
        return new StoredEvent(event.getIdentifier(), EventTypes.typeOf(payload.getClass()), event.getType(),
                event.getAggregateIdentifier(), event.getSequenceNumber(), event.getTimestamp(),
                new String(EventJson.write(payload), StandardCharsets.UTF_8), metadata);
    }

    private void store(StoredCommit commit) {
        markers.claim(commit, this::findCommit, publisher);
        try {
            commits.insertOne(CommitDocuments.toDocument(commit));
        } catch (MongoWriteException e) {
            markers.release(commit.aggregateId(), commit.commitId());
            throw concurrencyOrRethrow(e, commit);
        }
        // Any other failure has an unknown outcome (e.g. a timeout): the marker stays, and the sweeper or the
        // aggregate's next writer decides by reading the commit.
    }

    private static RuntimeException concurrencyOrRethrow(MongoWriteException e, StoredCommit commit) {
        return e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY ? OutboxMarkers.conflict(commit) : e;
    }

    @Override
    public DomainEventStream readEvents(String aggregateIdentifier, long firstSequenceNumber) {
        List<DomainEventMessage<?>> events = new ArrayList<>();
        for (StoredCommit commit : readCommits(aggregateIdentifier)) {
            for (StoredEvent event : commit.events()) {
                if (event.sequence() >= firstSequenceNumber) {
                    events.add(toMessage(event));
                }
            }
        }
        return DomainEventStream.of(events);
    }

    /** Every commit of one aggregate, in order. */
    public List<StoredCommit> readCommits(String aggregateIdentifier) {
        List<StoredCommit> chain = new ArrayList<>();
        long nextSequence = 0;
        while (true) {
            long blockEnd = nextSequence + readBatchSize;
            Map<Long, StoredCommit> found = fetchBlock(aggregateIdentifier, nextSequence, blockEnd);
            StoredCommit commit;
            while ((commit = found.get(nextSequence)) != null) {
                chain.add(commit);
                nextSequence = commit.lastSequence() + 1;
            }
            // The id of the next commit was inside this block and not found: the chain ends here.
            if (nextSequence < blockEnd) {
                return chain;
            }
        }
    }

    private Map<Long, StoredCommit> fetchBlock(String aggregateIdentifier, long fromSequence, long toSequence) {
        List<String> ids = LongStream.range(fromSequence, toSequence)
                .mapToObj(sequence -> StoredCommit.commitId(aggregateIdentifier, sequence))
                .toList();
        Map<Long, StoredCommit> found = new HashMap<>();
        for (Document document : commits.find(Filters.in("_id", ids))) {
            StoredCommit commit = CommitDocuments.fromDocument(document);
            found.put(commit.firstSequence(), commit);
        }
        return found;
    }

    private static DomainEventMessage<?> toMessage(StoredEvent event) {
        LedgerEvent payload = EventJson.read(event.type(), event.payloadJson().getBytes(StandardCharsets.UTF_8),
                event.timestamp());
        return new GenericDomainEventMessage<>(event.aggregateType(), event.aggregateId(), event.sequence(),
                payload, event.metadata(), event.eventId(), event.timestamp());
    }

    /** A commit by its id, for the sweeper. */
    public Optional<StoredCommit> findCommit(String commitId) {
        Document document = commits.find(Filters.eq("_id", commitId)).first();
        return Optional.ofNullable(document).map(CommitDocuments::fromDocument);
    }

    @Override
    public Optional<Long> lastSequenceNumberFor(String aggregateIdentifier) {
        List<StoredCommit> chain = readCommits(aggregateIdentifier);
        return chain.isEmpty() ? Optional.empty() : Optional.of(chain.get(chain.size() - 1).lastSequence());
    }

    @Override
    public void storeSnapshot(DomainEventMessage<?> snapshot) {
        throw new UnsupportedOperationException("snapshots are not configured for this store");
    }

    @Override
    public Optional<DomainEventMessage<?>> readSnapshot(String aggregateIdentifier) {
        return Optional.empty();
    }

    @Override
    public Stream<? extends TrackedEventMessage<?>> readEvents(TrackingToken trackingToken, boolean mayBlock) {
        throw new UnsupportedOperationException(
                "this store is read by aggregate id only; projections consume the Kafka topics");
    }
}
