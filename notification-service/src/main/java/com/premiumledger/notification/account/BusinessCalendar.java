package com.premiumledger.notification.account;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import java.time.LocalDate;
import java.util.Optional;
import org.bson.Document;
import org.springframework.stereotype.Component;

/**
 * The last business day closed, as DayClosed events told it: the only clock notices are decided by. One
 * document ({@code _id} = the calendar's stream key); it only moves forward.
 */
@Component
public class BusinessCalendar {

    static final String COLLECTION = "notice_calendar";
    static final String ID = "business-calendar";

    private final MongoCollection<Document> calendar;

    BusinessCalendar(MongoDatabase database) {
        this.calendar = database.getCollection(COLLECTION);
    }

    public Optional<LocalDate> lastClosed() {
        Document document = calendar.find(Filters.eq("_id", ID)).first();
        return Optional.ofNullable(document).map(found -> found.getString("lastClosedDate")).map(LocalDate::parse);
    }

    /** ISO dates order as text, so {@code $max} keeps the latest even if a slow writer comes second. */
    public void closed(LocalDate date) {
        calendar.updateOne(Filters.eq("_id", ID), Updates.max("lastClosedDate", date.toString()),
                new UpdateOptions().upsert(true));
    }
}
