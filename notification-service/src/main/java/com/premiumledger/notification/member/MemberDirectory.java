package com.premiumledger.notification.member;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import com.premiumledger.events.AccountOpened;
import java.util.Optional;
import org.bson.Document;
import org.springframework.stereotype.Component;

/**
 * The members notices are addressed to: one document per account ({@code _id} = account id), written
 * from AccountOpened. Writing it is a whole-document upsert, so a replayed event leaves it as it was.
 */
@Component
public class MemberDirectory {

    static final String COLLECTION = "members";

    private final MongoCollection<Document> members;

    MemberDirectory(MongoDatabase database) {
        this.members = database.getCollection(COLLECTION);
    }

    public void record(AccountOpened opened) {
        Document document = new Document("_id", opened.accountId())
                .append("holderName", opened.holderName())
                .append("email", opened.email())
                .append("language", opened.language());
        members.replaceOne(Filters.eq("_id", opened.accountId()), document, new ReplaceOptions().upsert(true));
    }

    public Optional<Member> find(String accountId) {
        Document document = members.find(Filters.eq("_id", accountId)).first();
        return Optional.ofNullable(document).map(found -> new Member(accountId, found.getString("holderName"),
                found.getString("email"), found.getString("language")));
    }

    public boolean exists(String accountId) {
        return find(accountId).isPresent();
    }
}
