package com.premiumledger.platform.eventstore;

import java.time.Instant;
import java.util.List;

/**
 * The events one unit of work appended to one aggregate: written as a single document, so they are
 * stored all or nothing. Its id is aggregate id + first sequence number, which makes two writers that
 * loaded the same version collide on the unique {@code _id} instead of both succeeding.
 */
public record StoredCommit(String commitId, String aggregateId, long firstSequence, long lastSequence,
                           Instant storedAt, List<StoredEvent> events) {

    public StoredCommit {
        events = List.copyOf(events);
        if (events.isEmpty()) {
            throw new IllegalArgumentException("a commit holds at least one event");
        }
        for (int i = 0; i < events.size(); i++) {
            if (events.get(i).sequence() != firstSequence + i) {
                throw new IllegalStateException("commit " + commitId + " sequence gap at index " + i);
            }
        }
        if (lastSequence != firstSequence + events.size() - 1) {
            throw new IllegalStateException("commit " + commitId + " last sequence disagrees with its events");
        }
    }

    public static String commitId(String aggregateId, long firstSequence) {
        return aggregateId + ":" + firstSequence;
    }
}
