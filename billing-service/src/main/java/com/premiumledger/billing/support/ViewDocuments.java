package com.premiumledger.billing.support;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.InsertOneModel;
import com.mongodb.client.model.ReplaceOneModel;
import com.mongodb.client.model.WriteModel;
import com.premiumledger.events.EventJson;
import com.premiumledger.platform.consumer.ReceivedEvent;
import com.premiumledger.platform.store.IdGuard;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.function.ToLongFunction;
import org.bson.Document;

/**
 * Projection documents keyed by {@code _id}, written only when their {@code lastSequence} is still the one
 * the writer read: a replayed event (the crash window between handling and recording it) changes nothing,
 * and a concurrent writer cannot be overwritten.
 */
public final class ViewDocuments<V> {

    public static final String LAST_SEQUENCE = "lastSequence";

    private static final IdGuard GUARD = new IdGuard(LAST_SEQUENCE);

    private final Supplier<MongoCollection<Document>> collection;
    private final Class<V> viewClass;

    public ViewDocuments(MongoCollection<Document> collection, Class<V> viewClass) {
        this(() -> collection, viewClass);
    }

    /** Documents in whatever collection {@code collection} names at each call (a rebuilt copy takes over). */
    public ViewDocuments(Supplier<MongoCollection<Document>> collection, Class<V> viewClass) {
        this.collection = collection;
        this.viewClass = viewClass;
    }

    public Optional<V> find(String id) {
        Document document = collection.get().find(Filters.eq("_id", id)).first();
        return Optional.ofNullable(document).map(this::fromDocument);
    }

    /** The views of {@code ids} that exist, by id, in one {@code $in} read. */
    public Map<String, V> findAll(Collection<String> ids) {
        Map<String, V> found = new HashMap<>();
        for (Document document : collection.get().find(Filters.in("_id", ids))) {
            found.put(document.getString("_id"), fromDocument(document));
        }
        return found;
    }

    /**
     * Folds a batch of in-order events into the views of their streams (keyed by aggregate id) with one read
     * and one bulk write: {@code fold} gets the stream's view so far (null: none yet) and each event past the
     * view's {@code lastSequence} that {@code applies}. When a write guard did not hold, the result is not
     * {@code stored} and the caller applies the events one by one, which skips what is already stored.
     */
    public Folded foldAll(List<ReceivedEvent> events, Predicate<ReceivedEvent> applies,
                          ToLongFunction<V> lastSequence, BiFunction<V, ReceivedEvent, V> fold) {
        Set<String> ids = new LinkedHashSet<>();
        for (ReceivedEvent event : events) {
            if (applies.test(event)) {
                ids.add(event.aggregateId());
            }
        }
        if (ids.isEmpty()) {
            return new Folded(true, List.of());
        }
        Map<String, V> stored = findAll(ids);
        Map<String, V> views = new HashMap<>(stored);
        Set<String> changed = new LinkedHashSet<>();
        List<ReceivedEvent> applied = new ArrayList<>();
        for (ReceivedEvent event : events) {
            if (!applies.test(event)) {
                continue;
            }
            V before = views.get(event.aggregateId());
            if (before != null && event.sequence() <= lastSequence.applyAsLong(before)) {
                continue;
            }
            views.put(event.aggregateId(), fold.apply(before, event));
            changed.add(event.aggregateId());
            applied.add(event);
        }
        List<Write<V>> writes = new ArrayList<>(changed.size());
        for (String id : changed) {
            V before = stored.get(id);
            writes.add(new Write<>(id, before == null ? null : lastSequence.applyAsLong(before), views.get(id)));
        }
        boolean saved = saveAll(writes);
        return new Folded(saved, saved ? applied : List.of());
    }

    /**
     * The outcome of {@link #foldAll}: whether every write held, and then the events it applied (each past its
     * stream's stored {@code lastSequence}, so applied now and never before).
     */
    public record Folded(boolean stored, List<ReceivedEvent> applied) {

        public Folded {
            applied = List.copyOf(applied);
        }
    }

    /** A view to store as the successor of the version at {@code expectedLastSequence} (null: none yet). */
    public record Write<V>(String id, Long expectedLastSequence, V view) {
    }

    /**
     * Stores every write in one unordered bulk write, each guarded as in {@link #save}. Returns false when any
     * guard did not hold (another write got there first); the caller then knows some of them were not stored.
     */
    public boolean saveAll(List<Write<V>> writes) {
        if (writes.isEmpty()) {
            return true;
        }
        MongoCollection<Document> target = collection.get();
        List<WriteModel<Document>> models = new ArrayList<>(writes.size());
        for (Write<V> write : writes) {
            Document document = toDocument(write.view()).append("_id", write.id());
            models.add(write.expectedLastSequence() == null ? new InsertOneModel<>(document)
                    : new ReplaceOneModel<>(GUARD.on(target, write.id(), write.expectedLastSequence()), document));
        }
        return IdGuard.writeAll(target, models);
    }

    /**
     * Stores {@code view} as the successor of the version at {@code expectedLastSequence} (null: none yet).
     * Returns false when another write got there first, which for an in-order consumer means the event was
     * already applied.
     */
    public boolean save(String id, Long expectedLastSequence, V view) {
        Document document = toDocument(view).append("_id", id);
        if (expectedLastSequence == null) {
            try {
                collection.get().insertOne(document);
                return true;
            } catch (MongoWriteException e) {
                if (e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
                    return false;
                }
                throw e;
            }
        }
        MongoCollection<Document> target = collection.get();
        return target.replaceOne(GUARD.on(target, id, expectedLastSequence), document).getModifiedCount() == 1;
    }

    @SuppressWarnings("unchecked")
    private Document toDocument(V view) {
        return new Document(EventJson.mapper().convertValue(view, Map.class));
    }

    private V fromDocument(Document document) {
        Document copy = new Document(document);
        copy.remove("_id");
        return EventJson.mapper().convertValue(copy, viewClass);
    }
}
