package com.premiumledger.platform.consumer;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import com.mongodb.client.model.WriteModel;
import com.premiumledger.events.EventEnvelope;
import com.premiumledger.events.EventJson;
import com.premiumledger.events.EventTypes;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.bson.Document;

/**
 * Applies one aggregate stream's events exactly once and in sequence order, whatever Kafka delivers:
 * duplicates (redelivery, replay, republish by the outbox sweeper) are dropped, and an event that
 * overtook its predecessor (two writers, or a republish) is parked until the gap closes.
 *
 * <p>State per consumer and aggregate is one document keyed by {@code _id} ({@code nextSequence} and the
 * parked events), so every operation is an {@code _id} lookup.
 */
public class StreamGate {

    static final String COLLECTION = "consumer_gates";

    private final MongoCollection<Document> gates;
    private final int parkedMax;

    public StreamGate(MongoDatabase database, int parkedMax) {
        this.gates = database.getCollection(COLLECTION);
        this.parkedMax = parkedMax;
    }

    /** What to do with an arriving event. */
    public sealed interface Decision permits Duplicate, Parked, Ready {
    }

    public record Duplicate() implements Decision {
    }

    public record Parked() implements Decision {
    }

    /** The arriving event followed by every parked event it unblocks, in order. */
    public record Ready(List<ReceivedEvent> events) implements Decision {
    }

    public Decision offer(String consumer, ReceivedEvent event) {
        return offer(consumer, event.aggregateId(), event);
    }

    /**
     * Gates {@code event} within {@code stream}: normally its aggregate id; a consumer that handles each copy
     * of a broadcast event gives one stream per partition (see {@link EventStreamHandler#broadcastPerPartition}).
     */
    public Decision offer(String consumer, String stream, ReceivedEvent event) {
        String id = gateId(consumer, stream);
        Document gate = gates.find(Filters.eq("_id", id)).first();
        long nextSequence = gate == null ? 0 : gate.getLong("nextSequence");
        long sequence = event.sequence();
        if (sequence < nextSequence) {
            return new Duplicate();
        }
        List<Document> parked = gate == null ? List.of() : gate.getList("parked", Document.class, List.of());
        if (sequence > nextSequence) {
            park(id, event, parked);
            return new Parked();
        }
        List<ReceivedEvent> ready = new ArrayList<>();
        ready.add(event);
        List<ReceivedEvent> waiting = new ArrayList<>();
        for (Document document : parked) {
            waiting.add(fromDocument(document));
        }
        waiting.sort(Comparator.comparingLong(ReceivedEvent::sequence));
        long expected = sequence + 1;
        for (ReceivedEvent candidate : waiting) {
            if (candidate.sequence() == expected) {
                ready.add(candidate);
                expected++;
            }
        }
        return new Ready(ready);
    }

    /** An event offered in a batch, within its stream (see {@link #offer(String, String, ReceivedEvent)}). */
    public record Offer(String stream, ReceivedEvent event) {
    }

    /**
     * The events of a batch that are next in their streams, in batch order, and where each stream stands after
     * them; {@link #advanceAll} records that position once they were handled.
     */
    public record BatchDecision(List<ReceivedEvent> ready, Map<String, Long> nextSequences, int duplicates) {
    }

    /**
     * Gates a whole poll batch with one {@code $in} read: each event that is next in its stream is ready, earlier
     * ones are duplicates. Returns empty when the fast path does not apply (a stream has parked events, or an
     * event arrived ahead of a gap); the caller then offers the events one by one.
     */
    public Optional<BatchDecision> offerAll(String consumer, List<Offer> offers) {
        Map<String, String> streamsByGateId = new HashMap<>();
        for (Offer offer : offers) {
            streamsByGateId.put(gateId(consumer, offer.stream()), offer.stream());
        }
        // Where each stream stands: read first, then moved past each ready event; what it ends at is recorded.
        Map<String, Long> next = new HashMap<>();
        for (Document gate : gates.find(Filters.in("_id", streamsByGateId.keySet()))) {
            if (!gate.getList("parked", Document.class, List.of()).isEmpty()) {
                return Optional.empty();
            }
            next.put(streamsByGateId.get(gate.getString("_id")), gate.getLong("nextSequence"));
        }
        List<ReceivedEvent> ready = new ArrayList<>(offers.size());
        int duplicates = 0;
        for (Offer offer : offers) {
            long expected = next.getOrDefault(offer.stream(), 0L);
            long sequence = offer.event().sequence();
            if (sequence < expected) {
                duplicates++;
            } else if (sequence == expected) {
                ready.add(offer.event());
                next.put(offer.stream(), sequence + 1);
            } else {
                return Optional.empty();
            }
        }
        return Optional.of(new BatchDecision(ready, next, duplicates));
    }

    /** Records a batch as handled: every stream moves to where {@link #offerAll} left it, in one bulk write. */
    public void advanceAll(String consumer, Map<String, Long> nextSequences) {
        if (nextSequences.isEmpty()) {
            return;
        }
        java.util.Date now = java.util.Date.from(Instant.now());
        List<WriteModel<Document>> writes = new ArrayList<>(nextSequences.size());
        nextSequences.forEach((stream, nextSequence) -> writes.add(new UpdateOneModel<>(
                Filters.eq("_id", gateId(consumer, stream)),
                Updates.combine(Updates.max("nextSequence", nextSequence), Updates.set("updatedAt", now)),
                new UpdateOptions().upsert(true))));
        gates.bulkWrite(writes, new BulkWriteOptions().ordered(false));
    }

    /** Records that {@code event} was handled: the stream moves past it and it leaves the parking lot. */
    public void advance(String consumer, ReceivedEvent event) {
        advance(consumer, event.aggregateId(), event);
    }

    /** {@link #advance(String, ReceivedEvent)} within the stream {@code event} was offered in. */
    public void advance(String consumer, String stream, ReceivedEvent event) {
        gates.updateOne(Filters.eq("_id", gateId(consumer, stream)),
                Updates.combine(
                        Updates.max("nextSequence", event.sequence() + 1),
                        Updates.pull("parked", new Document("sequence", event.sequence())),
                        Updates.set("updatedAt", java.util.Date.from(Instant.now()))),
                new UpdateOptions().upsert(true));
    }

    /** Forgets every stream of {@code consumer} (a dropped copy of a projection). */
    public long forget(String consumer) {
        return gates.deleteMany(Filters.regex("_id", "^" + java.util.regex.Pattern.quote(consumer + "|")))
                .getDeletedCount();
    }

    private void park(String id, ReceivedEvent event, List<Document> parked) {
        boolean already = parked.stream().anyMatch(document -> document.getLong("sequence") == event.sequence());
        if (already) {
            return;
        }
        if (parked.size() >= parkedMax) {
            throw new IllegalStateException("stream " + id + " has " + parked.size()
                    + " events parked behind a gap at its next sequence; refusing to park more");
        }
        gates.updateOne(Filters.eq("_id", id),
                Updates.combine(Updates.setOnInsert("nextSequence", 0L), Updates.push("parked", toDocument(event))),
                new UpdateOptions().upsert(true));
    }

    private static String gateId(String consumer, String stream) {
        return consumer + "|" + stream;
    }

    private static Document toDocument(ReceivedEvent event) {
        EventEnvelope envelope = event.envelope();
        return new Document("sequence", envelope.sequence())
                .append("eventId", envelope.eventId())
                .append("type", envelope.type())
                .append("source", envelope.source())
                .append("subject", envelope.subject())
                .append("time", envelope.time().toString())
                .append("aggregateId", envelope.aggregateId())
                .append("correlationId", envelope.correlationId())
                .append("causationId", envelope.causationId())
                .append("payload", new String(EventJson.write(envelope.payload()), StandardCharsets.UTF_8))
                .append("topic", event.topic())
                .append("partition", event.partition())
                .append("offset", event.offset());
    }

    private static ReceivedEvent fromDocument(Document document) {
        String type = document.getString("type");
        EventEnvelope envelope = new EventEnvelope(
                document.getString("eventId"),
                EventTypes.classOf(type).isPresent() ? type : EventJson.currentType(type),
                document.getString("source"),
                document.getString("subject"),
                Instant.parse(document.getString("time")),
                document.getString("aggregateId"),
                document.getLong("sequence"),
                document.getString("correlationId"),
                document.getString("causationId"),
                // A document parked before an upgrade holds the then-current version; its upcaster may need the
                // instant the event was recorded (BillIssued v1 does).
                EventJson.read(type, document.getString("payload").getBytes(StandardCharsets.UTF_8),
                        Instant.parse(document.getString("time"))));
        return new ReceivedEvent(envelope, document.getString("topic"), document.getInteger("partition"),
                document.getLong("offset"));
    }
}
