package com.premiumledger.platform.rebuild;

import com.premiumledger.platform.consumer.EventStreamHandler;
import com.premiumledger.platform.consumer.ReceivedEvent;
import java.util.List;

/**
 * A pure projection: it only folds events into its own collections, so it can be built again from offset zero
 * of its topics beside the copy in use ({@code POST /operations/projections/{name}/rebuild}). It must never
 * send a command or a notice nor publish an event, and it must not keep state outside its collections:
 * every read and write goes through the {@link ProjectionCollections} it is handed, which it gets from the
 * platform's {@link ProjectionStore} ({@link ProjectionStore#live}) rather than from fixed names.
 * Handlers with side effects (deciding, notifying, dispatching) stay plain {@link EventStreamHandler}s.
 */
public interface RebuildableProjection extends EventStreamHandler {

    /** The logical names of every collection this projection owns (dropped with an old or partial copy). */
    List<String> collectionNames();

    /** The live collections, from {@link ProjectionStore#live(String)}; queries read them. */
    ProjectionCollections collections();

    /** Applies {@code event} to the copy {@code into} (the live one, or a copy being rebuilt). */
    void handle(ReceivedEvent event, ProjectionCollections into);

    /** Applies consecutive events to the copy {@code into}; see {@link EventStreamHandler#handleAll(List)}. */
    default void handleAll(List<ReceivedEvent> events, ProjectionCollections into) {
        for (ReceivedEvent event : events) {
            handle(event, into);
        }
    }

    @Override
    default void handle(ReceivedEvent event) {
        handle(event, collections());
    }

    @Override
    default void handleAll(List<ReceivedEvent> events) {
        handleAll(events, collections());
    }
}
