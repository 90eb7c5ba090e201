package com.premiumledger.notification.notice;

import com.mongodb.bulk.BulkWriteUpsert;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import com.mongodb.client.model.WriteModel;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.bson.Document;
import org.springframework.stereotype.Component;

/**
 * What a notice says besides its amount and pay-by date (the coverage month, the grace end, the termination
 * date, the autopay method, ...), written by the trigger just before it issues the notice, keyed by the notice
 * id in {@code notice_facts}. The first write wins, so a retried trigger cannot change a notice's wording. Once
 * the notice is issued it is marked so, and a trigger that asks for it again sends no command at all.
 */
@Component
public class NoticeFacts {

    static final String COLLECTION = "notice_facts";
    static final String ISSUED = "issued";

    private final MongoCollection<Document> facts;

    NoticeFacts(MongoDatabase database) {
        this.facts = database.getCollection(COLLECTION);
    }

    public void save(String noticeId, Map<String, String> values) {
        saveAll(Map.of(noticeId, values));
    }

    /**
     * The facts of several notices in one bulk write; for each, the first write wins. Returns the notices whose
     * facts this call wrote first: those decided for the first time.
     */
    public Set<String> saveAll(Map<String, Map<String, String>> valuesByNoticeId) {
        if (valuesByNoticeId.isEmpty()) {
            return Set.of();
        }
        List<String> noticeIds = new ArrayList<>(valuesByNoticeId.size());
        List<WriteModel<Document>> writes = new ArrayList<>(valuesByNoticeId.size());
        valuesByNoticeId.forEach((noticeId, values) -> {
            Document document = new Document();
            values.forEach(document::append);
            noticeIds.add(noticeId);
            writes.add(new UpdateOneModel<>(Filters.eq("_id", noticeId),
                    new Document("$setOnInsert", new Document("facts", document)), new UpdateOptions().upsert(true)));
        });
        Set<String> first = new HashSet<>();
        for (BulkWriteUpsert upsert : facts.bulkWrite(writes, new BulkWriteOptions().ordered(false)).getUpserts()) {
            first.add(noticeIds.get(upsert.getIndex()));
        }
        return first;
    }

    /**
     * Of {@code noticeIds}, those marked issued, in one read. The mark is written only after the notice was
     * issued, so a marked notice certainly exists; an unmarked one may too (the Notice aggregate tells).
     */
    public Set<String> issuedAmong(Collection<String> noticeIds) {
        Set<String> issued = new HashSet<>();
        if (noticeIds.isEmpty()) {
            return issued;
        }
        for (Document document : facts.find(Filters.in("_id", List.copyOf(noticeIds)))
                .projection(new Document(ISSUED, 1))) {
            if (document.getBoolean(ISSUED, false)) {
                issued.add(document.getString("_id"));
            }
        }
        return issued;
    }

    /** Marks these notices issued, in one bulk write. */
    public void markIssued(Collection<String> noticeIds) {
        if (noticeIds.isEmpty()) {
            return;
        }
        List<WriteModel<Document>> writes = new ArrayList<>(noticeIds.size());
        noticeIds.forEach(noticeId -> writes.add(new UpdateOneModel<>(Filters.eq("_id", noticeId),
                Updates.set(ISSUED, true))));
        facts.bulkWrite(writes, new BulkWriteOptions().ordered(false));
    }

    /** The facts of each notice in one read; a notice with none written maps to an empty map. */
    public Map<String, Map<String, String>> findAll(Collection<String> noticeIds) {
        Map<String, Map<String, String>> found = new HashMap<>();
        noticeIds.forEach(noticeId -> found.put(noticeId, new LinkedHashMap<>()));
        if (noticeIds.isEmpty()) {
            return found;
        }
        for (Document document : facts.find(Filters.in("_id", List.copyOf(noticeIds)))) {
            found.put(document.getString("_id"), values(document));
        }
        return found;
    }

    private static Map<String, String> values(Document found) {
        Map<String, String> values = new LinkedHashMap<>();
        if (found.get("facts") instanceof Document stored) {
            stored.forEach((key, value) -> values.put(key, value == null ? null : value.toString()));
        }
        return values;
    }
}
