package com.premiumledger.notification.member;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import com.premiumledger.events.AccountOpened;
import com.premiumledger.events.MailingAddress;
import com.premiumledger.notification.NotificationProperties;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.bson.Document;
import org.springframework.stereotype.Component;

/**
 * The members notices are addressed to: one document per account ({@code _id} = account id), written
 * from AccountOpened. Writing it is a whole-document upsert, so a replayed event leaves it as it was.
 *
 * <p>No event changes a member once recorded, so the last {@code member-cache-size} members found are kept in
 * memory: every notice looks its member up when it is issued and again when it is delivered, and the cache saves
 * those store round trips (measured by the benchmark: about one in twelve of all per command). Only members found
 * are kept, never an absence, which a later AccountOpened ends; any instance may therefore keep its own.
 */
@Component
public class MemberDirectory {

    static final String COLLECTION = "members";

    private final MongoCollection<Document> members;
    private final Map<String, Member> recent;

    MemberDirectory(MongoDatabase database, NotificationProperties properties) {
        this.members = database.getCollection(COLLECTION);
        int size = properties.memberCacheSize();
        this.recent = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Member> eldest) {
                return size() > size;
            }
        };
    }

    public void record(AccountOpened opened) {
        MailingAddress address = opened.mailingAddress();
        Document document = new Document("_id", opened.accountId())
                .append("holderName", opened.holderName())
                .append("email", opened.email())
                .append("phone", opened.phone())
                .append("mailingAddress", address == null ? null : new Document("line1", address.line1())
                        .append("line2", address.line2()).append("city", address.city())
                        .append("state", address.state()).append("postalCode", address.postalCode()))
                .append("language", opened.language())
                .append("noticePreference", opened.noticePreference());
        members.replaceOne(Filters.eq("_id", opened.accountId()), document, new ReplaceOptions().upsert(true));
    }

    public Optional<Member> find(String accountId) {
        synchronized (recent) {
            Member kept = recent.get(accountId);
            if (kept != null) {
                return Optional.of(kept);
            }
        }
        Document found = members.find(Filters.eq("_id", accountId)).first();
        if (found == null) {
            return Optional.empty();
        }
        Document address = found.get("mailingAddress", Document.class);
        Member member = new Member(accountId, found.getString("holderName"), found.getString("email"),
                found.getString("phone"), address == null ? null : new MailingAddress(address.getString("line1"),
                        address.getString("line2"), address.getString("city"), address.getString("state"),
                        address.getString("postalCode")),
                found.getString("language"), found.getString("noticePreference"));
        synchronized (recent) {
            recent.put(accountId, member);
        }
        return Optional.of(member);
    }

    public boolean exists(String accountId) {
        synchronized (recent) {
            if (recent.containsKey(accountId)) {
                return true;
            }
        }
        // A find, not countDocuments: the embedded store runs a count as an aggregation over every document.
        return members.find(Filters.eq("_id", accountId)).projection(new org.bson.Document("_id", 1)).first() != null;
    }
}
