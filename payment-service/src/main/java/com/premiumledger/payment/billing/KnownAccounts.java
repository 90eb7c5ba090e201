package com.premiumledger.payment.billing;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import com.mongodb.client.model.WriteModel;
import com.premiumledger.events.AccountOpened;
import com.premiumledger.platform.consumer.ReceivedEvent;
import java.util.Date;
import java.util.List;
import org.bson.Document;
import org.springframework.stereotype.Component;

/**
 * The accounts billing has opened, learnt from AccountOpened: collection {@code known_accounts}, one document
 * per account keyed by its id. A payment for an account not in here is refused.
 */
@Component
public class KnownAccounts {

    static final String COLLECTION = "known_accounts";

    private final MongoCollection<Document> accounts;

    KnownAccounts(MongoDatabase database) {
        this.accounts = database.getCollection(COLLECTION);
    }

    public boolean exists(String accountId) {
        return accountId != null && accounts.find(Filters.eq("_id", accountId)).first() != null;
    }

    /**
     * Remembers the accounts of a batch's AccountOpened events in one bulk write. First delivery wins, so a
     * redelivered event changes nothing, not even its recorded position.
     */
    void rememberAll(List<ReceivedEvent> opened) {
        if (opened.isEmpty()) {
            return;
        }
        List<WriteModel<Document>> writes = opened.stream().map(KnownAccounts::remember).toList();
        accounts.bulkWrite(writes, new BulkWriteOptions().ordered(false));
    }

    private static WriteModel<Document> remember(ReceivedEvent event) {
        AccountOpened opened = (AccountOpened) event.payload();
        return new UpdateOneModel<>(Filters.eq("_id", opened.accountId()), Updates.combine(
                        Updates.setOnInsert("holderName", opened.holderName()),
                        Updates.setOnInsert("program", opened.program()),
                        Updates.setOnInsert("eventId", event.eventId()),
                        Updates.setOnInsert("topic", event.topic()),
                        Updates.setOnInsert("partition", event.partition()),
                        Updates.setOnInsert("offset", event.offset()),
                        Updates.setOnInsert("learntAt", new Date())),
                new UpdateOptions().upsert(true));
    }
}
