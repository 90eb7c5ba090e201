package com.premiumledger.platform.store;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoBulkWriteException;
import com.mongodb.MongoNamespace;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.WriteModel;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.bson.Document;
import org.bson.conversions.Bson;

/**
 * Conditional writes on one document that stay index lookups: "the document {@code id}, if its {@code field}
 * still holds {@code value}" (an optimistic-concurrency guard).
 *
 * <p>The filter is the flat document {@code {_id: id, field: value}} (the driver's {@code Filters.and} renders
 * {@code $and}), answered by a unique index on {@code (_id, field)}. MongoDB would use its {@code _id} index
 * for either form; mongo-java-server uses an index only when a query's keys are exactly an index's keys and
 * scans the whole collection otherwise, so without this every guarded write cost a scan and grew with the data.
 * The index costs a real MongoDB one more small index per guarded collection.
 */
public final class IdGuard {

    private final String field;
    private final Set<MongoNamespace> indexed = ConcurrentHashMap.newKeySet();

    public IdGuard(String field) {
        this.field = field;
    }

    /** The guard's filter; creates the index on {@code collection} the first time this guard sees it. */
    public Bson on(MongoCollection<Document> collection, Object id, Object value) {
        if (indexed.add(collection.getNamespace())) {
            collection.createIndex(Indexes.ascending("_id", field),
                    new IndexOptions().unique(true).name("_id_" + field + "_guard"));
        }
        return new Document("_id", id).append(field, value);
    }

    /**
     * Applies a batch's guarded writes (inserts of new documents, replaces under a guard) in one unordered bulk
     * write. False when any did not land: an insert found its document already there, or a guard no longer held,
     * that is, another writer changed the documents since they were read. Any other failure propagates.
     */
    public static boolean writeAll(MongoCollection<Document> collection, List<? extends WriteModel<Document>> writes) {
        if (writes.isEmpty()) {
            return true;
        }
        try {
            var result = collection.bulkWrite(writes, new BulkWriteOptions().ordered(false));
            return result.getInsertedCount() + result.getMatchedCount() == writes.size();
        } catch (MongoBulkWriteException e) {
            if (e.getWriteErrors().stream().allMatch(error -> error.getCategory() == ErrorCategory.DUPLICATE_KEY)) {
                return false;
            }
            throw e;
        }
    }
}
