package com.premiumledger.platform.eventstore;

import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.bson.Document;

/** Maps commits to and from BSON; kept apart so the document layout is in one place. */
final class CommitDocuments {

    private CommitDocuments() {
    }

    static Document toDocument(StoredCommit commit) {
        List<Document> events = new ArrayList<>(commit.events().size());
        for (StoredEvent event : commit.events()) {
            events.add(new Document("eventId", event.eventId())
                    .append("type", event.type())
                    .append("aggregateType", event.aggregateType())
                    .append("sequence", event.sequence())
                    .append("timestamp", event.timestamp().toString())
                    .append("payload", event.payloadJson())
                    .append("metadata", new Document(new HashMap<>(event.metadata()))));
        }
        return new Document("_id", commit.commitId())
                .append("aggregateId", commit.aggregateId())
                .append("firstSequence", commit.firstSequence())
                .append("lastSequence", commit.lastSequence())
                .append("storedAt", Date.from(commit.storedAt()))
                .append("events", events);
    }

    static StoredCommit fromDocument(Document document) {
        String aggregateId = document.getString("aggregateId");
        List<StoredEvent> events = new ArrayList<>();
        for (Document event : document.getList("events", Document.class)) {
            Map<String, String> metadata = new HashMap<>();
            Document storedMetadata = event.get("metadata", Document.class);
            if (storedMetadata != null) {
                storedMetadata.forEach((key, value) -> metadata.put(key, String.valueOf(value)));
            }
            events.add(new StoredEvent(
                    event.getString("eventId"),
                    event.getString("type"),
                    event.getString("aggregateType"),
                    aggregateId,
                    event.getLong("sequence"),
                    java.time.Instant.parse(event.getString("timestamp")),
                    event.getString("payload"),
                    metadata));
        }
        return new StoredCommit(document.getString("_id"), aggregateId, document.getLong("firstSequence"),
                document.getLong("lastSequence"), document.getDate("storedAt").toInstant(), events);
    }
}
