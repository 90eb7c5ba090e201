package com.premiumledger.platform.rebuild;

import java.time.Instant;
import java.util.List;
import org.bson.Document;

/**
 * A projection and its latest rebuild, as {@code GET /operations/projections/{name}} shows it.
 *
 * @param generation the copy answering queries (0: the one made before any rebuild)
 * @param rebuildGeneration the copy the latest rebuild builds or built; null if never rebuilt
 * @param eventsProcessed records of the projection's topics the rebuild consumed so far
 * @param eventsRemaining records between the rebuild group's positions and the topics' end offsets; null
 *     until first measured
 * @param eventsPerSecond the rebuild's pace over the last sample interval
 * @param estimatedSecondsLeft remaining over pace; null when not running or no pace yet
 * @param message why it failed or was cancelled, or how a restart ended it
 */
public record RebuildStatus(String projection, List<String> topics, List<String> collections, int generation,
                            RebuildState state, Integer rebuildGeneration, Instant startedAt, Instant finishedAt,
                            long eventsProcessed, Long eventsRemaining, double eventsPerSecond,
                            Long estimatedSecondsLeft, String message) {

    static RebuildStatus of(RebuildableProjection projection, Document record) {
        List<String> topics = List.copyOf(projection.topics());
        if (record == null) {
            return new RebuildStatus(projection.name(), topics, projection.collectionNames(), 0, RebuildState.IDLE,
                    null, null, null, 0, null, 0, null, null);
        }
        RebuildState state = RebuildState.valueOf(record.getString("state"));
        Long remaining = record.getLong("eventsRemaining");
        double perSecond = record.get("eventsPerSecond", 0.0);
        Long estimate = state.active() && remaining != null && perSecond > 0
                ? (long) Math.ceil(remaining / perSecond) : null;
        return new RebuildStatus(projection.name(), topics, projection.collectionNames(),
                record.getInteger("generation", 0), state, record.getInteger("rebuildGeneration"),
                instant(record, "startedAt"), instant(record, "finishedAt"), record.get("eventsProcessed", 0L),
                remaining, perSecond, estimate, record.getString("message"));
    }

    private static Instant instant(Document record, String field) {
        java.util.Date date = record.getDate(field);
        return date == null ? null : date.toInstant();
    }
}
