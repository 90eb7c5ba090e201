package com.premiumledger.platform.rebuild;

import com.mongodb.client.MongoCollection;
import org.bson.Document;

/**
 * Where a {@link RebuildableProjection} reads and writes: its logical collection names resolved to the copy in
 * use. The live view resolves on every call, so queries move to a rebuilt copy in the one step that switches
 * it; a rebuild's view is fixed to the fresh copy it is building.
 */
public interface ProjectionCollections {

    MongoCollection<Document> collection(String logicalName);

    /** True while this is a copy being rebuilt that does not answer queries yet. */
    boolean rebuilding();
}
