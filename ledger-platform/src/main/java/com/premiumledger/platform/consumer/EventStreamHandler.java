package com.premiumledger.platform.consumer;

import java.util.Collection;
import java.util.List;

/**
 * A consumer of event topics. Each bean of this type gets its own Kafka consumer group
 * ({@code <spring.application.name>.<name>}), reads from the beginning of the log, and commits offsets
 * only after {@link #handle} returned, so every event is handled at least once.
 *
 * <p>With {@link #ordered()} (the default), the platform's {@link StreamGate} hands events to
 * {@link #handle} exactly in aggregate sequence order and drops redeliveries of what was already handled;
 * an event that arrives early is parked until its predecessors came. {@link #handle} must still be
 * idempotent for what a crash can replay: the events of the poll batch it was handling, handled but not yet
 * recorded as handled (the gate records a batch in one write after it).
 */
public interface EventStreamHandler {

    /** Stable name: part of the consumer group id and of the gate's keys. */
    String name();

    Collection<String> topics();

    default boolean ordered() {
        return true;
    }

    /**
     * Whether {@link #handle} gets every copy of a {@link com.premiumledger.events.PartitionBroadcast} event,
     * once per partition (in order with that partition's other events), rather than the event once. Only for
     * ordered handlers; an unordered one gets every copy anyway.
     */
    default boolean broadcastPerPartition() {
        return false;
    }

    void handle(ReceivedEvent event);

    /**
     * Whether {@link #handleAll} folds a batch at once. Only for handlers whose every write is guarded so that
     * applying an event again changes nothing (projections keyed by the stream's sequence): should
     * {@link #handleAll} throw, the platform hands the same events to {@link #handle} one by one, so that the
     * failing record is the one retried and dead-lettered. Otherwise the platform calls {@link #handle} once
     * per event and records each as handled before the next one fails.
     */
    default boolean handlesBatches() {
        return false;
    }

    /** Handles consecutive events of a poll batch, in order; see {@link #handlesBatches}. */
    default void handleAll(List<ReceivedEvent> events) {
        for (ReceivedEvent event : events) {
            handle(event);
        }
    }
}
