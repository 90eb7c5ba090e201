package com.premiumledger.platform.consumer;

import com.premiumledger.events.LedgerEvent;
import java.util.Collection;
import java.util.List;
import java.util.Set;

/**
 * A projection or reaction fed from event topics. Handlers are grouped into processing groups (Axon's term):
 * one Kafka consumer group per service and group ({@code <spring.application.name>.<group>}) reads the topics of
 * all its handlers from the beginning, hands each poll batch to every handler, and commits offsets once the
 * whole batch was handled, so every event is handled at least once.
 *
 * <p>There is no gate in front of a handler: it must be idempotent by its own guard (the aggregate's sequence
 * number, a business id, or the refusal of an aggregate that already did it). What it can see:
 * <ul>
 *   <li>one aggregate's events first arrive in sequence order with no gaps (the outbox publishes commit N+1 only
 *       after Kafka acknowledged commit N);</li>
 *   <li>any event may arrive again, also after later events of its aggregate (a redelivered batch, a commit the
 *       outbox sweeper republished, an operator's republish or dead-letter retry);</li>
 *   <li>a {@link com.premiumledger.events.PartitionBroadcast} event arrives once, as its copy on partition 0,
 *       unless {@link #broadcastPerPartition()} asks for every copy.</li>
 * </ul>
 */
public interface EventStreamHandler {

    /** The processing group of a handler that does not name one. */
    String DEFAULT_GROUP = "events";

    /** Stable name: the handler's metrics tag, and its rebuild's consumer group. */
    String name();

    Collection<String> topics();

    /**
     * The event types this handler acts on. The consumer reads {@code ce_type} first and decodes a record only
     * for the handlers that want it; a record no handler of the group wants is skipped undecoded. Empty means
     * every type.
     */
    default Set<Class<? extends LedgerEvent>> eventTypes() {
        return Set.of();
    }

    /** The processing group (consumer group) this handler is part of; at most two per service. */
    default String processingGroup() {
        return DEFAULT_GROUP;
    }

    /**
     * Whether {@link #handle} gets every copy of a {@link com.premiumledger.events.PartitionBroadcast} event,
     * once per partition (in order with that partition's other events), rather than the copy on partition 0.
     */
    default boolean broadcastPerPartition() {
        return false;
    }

    /**
     * Whether a replay-only copy of the service ({@code premium.consumer.replay-only}) runs this handler: true for a
     * pure projection, which only writes its own views (every {@link
     * com.premiumledger.platform.rebuild.RebuildableProjection}); false for anything that decides, sends or notifies.
     */
    default boolean replayable() {
        return this instanceof com.premiumledger.platform.rebuild.RebuildableProjection;
    }

    void handle(ReceivedEvent event);

    /**
     * Handles the events of one poll batch that this handler wants, in offset order per partition. A projection
     * folds them with one read and one bulk write per collection. Should it throw, the platform hands the same
     * events to {@link #handle} one by one, so that the failing record is the one retried and dead-lettered;
     * what was applied before it is applied again (the guard makes that a no-op).
     */
    default void handleAll(List<ReceivedEvent> events) {
        for (ReceivedEvent event : events) {
            handle(event);
        }
    }
}
