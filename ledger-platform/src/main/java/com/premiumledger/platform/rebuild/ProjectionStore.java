package com.premiumledger.platform.rebuild;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.IntSupplier;
import org.bson.Document;
import org.bson.conversions.Bson;

/**
 * Which copy of each rebuildable projection is in use, and where its latest rebuild is: one document per
 * projection in {@code projection_rebuilds} ({@code _id} = projection name). The copy in use is its
 * {@code generation}: generation 0 uses the logical collection names themselves, generation n the names
 * suffixed {@code __r<n>}. Switching to a rebuilt copy is one update of that document (generation and state
 * DONE together), so after a crash the service is on one copy or the other, never in between.
 *
 * <p>Also the resolver projections get their collections from ({@link #live}).
 */
public class ProjectionStore {

    static final String COLLECTION = "projection_rebuilds";

    private final MongoDatabase database;
    private final MongoCollection<Document> records;
    private final Map<String, Integer> generations = new ConcurrentHashMap<>();

    public ProjectionStore(MongoDatabase database) {
        this.database = database;
        this.records = database.getCollection(COLLECTION);
        for (Document record : records.find()) {
            generations.put(record.getString("_id"), record.getInteger("generation", 0));
        }
    }

    /** The physical name of a logical collection in copy {@code generation}. */
    public static String physicalName(String logicalName, int generation) {
        return generation == 0 ? logicalName : logicalName + "__r" + generation;
    }

    /** The generation of the copy of {@code projection} that answers queries. */
    public int generation(String projection) {
        return generations.getOrDefault(projection, 0);
    }

    /** The collections in use by {@code projection}, resolved on every call so a switch is seen at once. */
    public ProjectionCollections live(String projection) {
        return collections(() -> generation(projection), false);
    }

    /** The collections of copy {@code generation}, being rebuilt. */
    ProjectionCollections copy(int generation) {
        return collections(() -> generation, true);
    }

    private ProjectionCollections collections(IntSupplier generation, boolean rebuilding) {
        return new ProjectionCollections() {
            @Override
            public MongoCollection<Document> collection(String logicalName) {
                return database.getCollection(physicalName(logicalName, generation.getAsInt()));
            }

            @Override
            public boolean rebuilding() {
                return rebuilding;
            }
        };
    }

    void drop(List<String> logicalNames, int generation) {
        List<String> existing = database.listCollectionNames().into(new java.util.ArrayList<>());
        for (String logicalName : logicalNames) {
            String name = physicalName(logicalName, generation);
            if (existing.contains(name)) {
                database.getCollection(name).drop();
            }
        }
    }

    /** Every collection that belongs to a copy of {@code logicalNames} other than {@code generation}. */
    List<String> strayCopies(List<String> logicalNames, int generation) {
        List<String> stray = new java.util.ArrayList<>();
        for (String name : database.listCollectionNames()) {
            for (String logicalName : logicalNames) {
                boolean copyOf = name.equals(logicalName) || name.matches(java.util.regex.Pattern.quote(logicalName)
                        + "__r\\d+");
                if (copyOf && !name.equals(physicalName(logicalName, generation))) {
                    stray.add(name);
                }
            }
        }
        return stray;
    }

    void dropCollection(String name) {
        database.getCollection(name).drop();
    }

    Optional<Document> record(String projection) {
        return Optional.ofNullable(records.find(Filters.eq("_id", projection)).first());
    }

    /**
     * Records that a rebuild into copy {@code generation} started, unless one is already running (answers
     * false then): the state check and the write are one conditional update.
     */
    boolean begin(String projection, int generation, Instant startedAt) {
        Bson notActive = Filters.and(Filters.eq("_id", projection),
                Filters.nin("state", RebuildState.RUNNING.name(), RebuildState.SWITCHING.name()));
        try {
            records.updateOne(notActive, Updates.combine(
                    Updates.setOnInsert("generation", 0),
                    Updates.set("state", RebuildState.RUNNING.name()),
                    Updates.set("rebuildGeneration", generation),
                    Updates.set("startedAt", Date.from(startedAt)),
                    Updates.unset("finishedAt"),
                    Updates.set("eventsProcessed", 0L),
                    Updates.unset("eventsRemaining"),
                    Updates.set("eventsPerSecond", 0.0),
                    Updates.unset("message")), new UpdateOptions().upsert(true));
            return true;
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
                return false;
            }
            throw e;
        }
    }

    void state(String projection, RebuildState state) {
        records.updateOne(Filters.eq("_id", projection), Updates.set("state", state.name()));
    }

    void progress(String projection, long processed, long remaining, double perSecond) {
        records.updateOne(Filters.eq("_id", projection), Updates.combine(Updates.set("eventsProcessed", processed),
                Updates.set("eventsRemaining", remaining), Updates.set("eventsPerSecond", perSecond)));
    }

    /** Ends a rebuild that did not switch (CANCELLED, FAILED): the copy in use stays. */
    void end(String projection, RebuildState state, String message, Instant at) {
        records.updateOne(Filters.eq("_id", projection), Updates.combine(Updates.set("state", state.name()),
                Updates.set("message", message), Updates.set("finishedAt", Date.from(at))));
    }

    /** The switch: copy {@code generation} is in use from this one write on. */
    void switchTo(String projection, int generation, Instant at) {
        records.updateOne(Filters.eq("_id", projection), Updates.combine(Updates.set("generation", generation),
                Updates.set("state", RebuildState.DONE.name()), Updates.set("eventsRemaining", 0L),
                Updates.set("finishedAt", Date.from(at)), Updates.unset("message")));
        generations.put(projection, generation);
    }
}
