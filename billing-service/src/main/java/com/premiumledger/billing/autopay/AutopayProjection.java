package com.premiumledger.billing.autopay;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import com.premiumledger.events.AutopayCancelled;
import com.premiumledger.events.AutopayEnrolled;
import com.premiumledger.events.AutopayFailed;
import com.premiumledger.events.Topics;
import com.premiumledger.platform.consumer.EventStreamHandler;
import com.premiumledger.platform.consumer.ReceivedEvent;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.bson.Document;
import org.springframework.stereotype.Component;

/**
 * Each account's autopay status in {@code autopay_views} ({@code _id} = account id), from the account's own
 * stream in order. Every write sets what the event states, so a replayed event leaves the view as it was.
 */
@Component
class AutopayProjection implements EventStreamHandler {

    static final String COLLECTION = "autopay_views";

    private final MongoCollection<Document> views;

    AutopayProjection(MongoDatabase database) {
        this.views = database.getCollection(COLLECTION);
    }

    @Override
    public String name() {
        return "autopay-views";
    }

    @Override
    public List<String> topics() {
        return List.of(Topics.BILLING);
    }

    @Override
    public void handle(ReceivedEvent event) {
        if (event.payload() instanceof AutopayEnrolled enrolled) {
            update(enrolled.accountId(), Updates.combine(Updates.set("enrolled", true),
                    Updates.set("method", enrolled.method()), Updates.set("lastFour", enrolled.lastFour()),
                    Updates.set("enrolledOn", enrolled.businessDate() == null ? null
                            : enrolled.businessDate().toString())));
        } else if (event.payload() instanceof AutopayCancelled cancelled) {
            update(cancelled.accountId(), Updates.combine(Updates.set("enrolled", false), Updates.unset("method"),
                    Updates.unset("lastFour"), Updates.unset("enrolledOn")));
        } else if (event.payload() instanceof AutopayFailed failed) {
            update(failed.accountId(), Updates.set("lastFailure", new Document("billId", failed.billId())
                    .append("amountCents", failed.amountCents()).append("reason", failed.reason())));
        }
    }

    private void update(String accountId, org.bson.conversions.Bson update) {
        views.updateOne(Filters.eq("_id", accountId), update, new UpdateOptions().upsert(true));
    }

    Optional<AutopayView> find(String accountId) {
        Document found = views.find(Filters.eq("_id", accountId)).first();
        if (found == null) {
            return Optional.empty();
        }
        Document failure = found.get("lastFailure", Document.class);
        String enrolledOn = found.getString("enrolledOn");
        return Optional.of(new AutopayView(accountId, found.getBoolean("enrolled", false), found.getString("method"),
                found.getString("lastFour"), enrolledOn == null ? null : LocalDate.parse(enrolledOn),
                failure == null ? null : failure.getString("billId"),
                failure == null ? null : failure.getLong("amountCents"),
                failure == null ? null : failure.getString("reason")));
    }
}
