package com.premiumledger.payment.billing;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import com.premiumledger.events.DayClosed;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Optional;
import org.bson.Document;
import org.springframework.stereotype.Component;

/**
 * The business date as billing's calendar last closed it: collection {@code business_calendar}, one document
 * {@code _id = "business-calendar"}. Before any day was closed the date comes from the clock (UTC).
 */
@Component
public class BusinessCalendar {

    static final String COLLECTION = "business_calendar";

    private final MongoCollection<Document> calendar;
    private final Clock clock;

    BusinessCalendar(MongoDatabase database, Clock clock) {
        this.calendar = database.getCollection(COLLECTION);
        this.clock = clock;
    }

    public LocalDate today() {
        return closedDate().orElseGet(() -> LocalDate.now(clock));
    }

    public Optional<LocalDate> closedDate() {
        Document document = calendar.find(Filters.eq("_id", DayClosed.STREAM_KEY)).first();
        return Optional.ofNullable(document).map(found -> LocalDate.parse(found.getString("businessDate")));
    }

    /** Days close in order, but a replayed old DayClosed must not move the date back: ISO dates sort as text. */
    void close(DayClosed day) {
        calendar.updateOne(Filters.eq("_id", DayClosed.STREAM_KEY),
                Updates.max("businessDate", day.date().toString()), new UpdateOptions().upsert(true));
    }
}
