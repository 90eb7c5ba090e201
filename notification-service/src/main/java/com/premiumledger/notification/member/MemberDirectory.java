package com.premiumledger.notification.member;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOneModel;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.WriteModel;
import com.premiumledger.events.AccountOpened;
import com.premiumledger.events.MailingAddress;
import com.premiumledger.notification.NotificationProperties;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
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
        recordAll(List.of(opened));
    }

    /** Records the members of these accounts with one bulk write; the same event again writes the same. */
    public void recordAll(List<AccountOpened> opened) {
        if (opened.isEmpty()) {
            return;
        }
        List<WriteModel<Document>> writes = new ArrayList<>(opened.size());
        for (AccountOpened account : opened) {
            writes.add(new ReplaceOneModel<>(Filters.eq("_id", account.accountId()), toDocument(of(account)),
                    new ReplaceOptions().upsert(true)));
        }
        members.bulkWrite(writes, new BulkWriteOptions().ordered(false));
    }

    /** The member an AccountOpened records. */
    public static Member of(AccountOpened opened) {
        return new Member(opened.accountId(), opened.holderName(), opened.email(), opened.phone(),
                opened.mailingAddress(), opened.language(), opened.noticePreference());
    }

    /** The members of {@code accountIds} that are recorded, by account id: the kept ones, the rest in one read. */
    public Map<String, Member> findAll(Collection<String> accountIds) {
        Map<String, Member> found = new HashMap<>();
        List<String> missing = new ArrayList<>();
        synchronized (recent) {
            for (String accountId : accountIds) {
                Member kept = recent.get(accountId);
                if (kept != null) {
                    found.put(accountId, kept);
                } else {
                    missing.add(accountId);
                }
            }
        }
        if (missing.isEmpty()) {
            return found;
        }
        for (Document document : members.find(Filters.in("_id", missing))) {
            Member member = toMember(document);
            found.put(member.accountId(), member);
        }
        synchronized (recent) {
            missing.stream().filter(found::containsKey).forEach(accountId -> recent.put(accountId, found.get(accountId)));
        }
        return found;
    }

    private static Document toDocument(Member member) {
        MailingAddress address = member.mailingAddress();
        return new Document("_id", member.accountId())
                .append("holderName", member.holderName())
                .append("email", member.email())
                .append("phone", member.phone())
                .append("mailingAddress", address == null ? null : new Document("line1", address.line1())
                        .append("line2", address.line2()).append("city", address.city())
                        .append("state", address.state()).append("postalCode", address.postalCode()))
                .append("language", member.language())
                .append("noticePreference", member.noticePreference());
    }

    private static Member toMember(Document found) {
        Document address = found.get("mailingAddress", Document.class);
        return new Member(found.getString("_id"), found.getString("holderName"), found.getString("email"),
                found.getString("phone"), address == null ? null : new MailingAddress(address.getString("line1"),
                        address.getString("line2"), address.getString("city"), address.getString("state"),
                        address.getString("postalCode")),
                found.getString("language"), found.getString("noticePreference"));
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
        Member member = toMember(found);
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
