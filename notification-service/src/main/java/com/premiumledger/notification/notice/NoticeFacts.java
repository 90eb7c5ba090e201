package com.premiumledger.notification.notice;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOptions;
import java.util.LinkedHashMap;
import java.util.Map;
import org.bson.Document;
import org.springframework.stereotype.Component;

/**
 * What a notice says besides its amount and pay-by date (the coverage month, the grace end, the termination
 * date, the autopay method, ...), written by the trigger just before it issues the notice, keyed by the notice
 * id in {@code notice_facts}. The first write wins, so a retried trigger cannot change a notice's wording.
 */
@Component
public class NoticeFacts {

    static final String COLLECTION = "notice_facts";

    private final MongoCollection<Document> facts;

    NoticeFacts(MongoDatabase database) {
        this.facts = database.getCollection(COLLECTION);
    }

    public void save(String noticeId, Map<String, String> values) {
        Document document = new Document();
        values.forEach(document::append);
        facts.updateOne(Filters.eq("_id", noticeId), new Document("$setOnInsert", new Document("facts", document)),
                new UpdateOptions().upsert(true));
    }

    /** Empty when the trigger wrote none (a notice issued by a version that kept no facts). */
    public Map<String, String> find(String noticeId) {
        Document found = facts.find(Filters.eq("_id", noticeId)).first();
        Map<String, String> values = new LinkedHashMap<>();
        if (found != null && found.get("facts") instanceof Document stored) {
            stored.forEach((key, value) -> values.put(key, value == null ? null : value.toString()));
        }
        return values;
    }
}
