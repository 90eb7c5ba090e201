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
 * document ({@code _id} = the calendar's stream key); it only moves forward. It also keeps the sequence of the
 * last DayClosed whose wake-ups were all handled, so that a DayClosed seen again does nothing.
 */
@Component
public class BusinessCalendar {

    static final String COLLECTION = "notice_calendar";
    static final String ID = "business-calendar";

    private final MongoCollection<Document> calendar;

    BusinessCalendar(MongoDatabase database) {
        this.calendar = database.getCollection(COLLECTION);
    }

    /** The calendar as stored: {@code lastClosed} empty before the first close, {@code handledSequence} -1. */
    public record CalendarState(Optional<LocalDate> lastClosed, long handledSequence) {
    }

    public CalendarState read() {
        Document document = calendar.find(Filters.eq("_id", ID)).first();
        if (document == null) {
            return new CalendarState(Optional.empty(), -1);
        }
        Number handled = document.get("handledSequence", Number.class);
        return new CalendarState(Optional.ofNullable(document.getString("lastClosedDate")).map(LocalDate::parse),
                handled == null ? -1 : handled.longValue());
    }

    public Optional<LocalDate> lastClosed() {
        return read().lastClosed();
    }

    /** ISO dates order as text, so {@code $max} keeps the latest even if a slow writer comes second. */
    public void closed(LocalDate date) {
        calendar.updateOne(Filters.eq("_id", ID), Updates.max("lastClosedDate", date.toString()),
                new UpdateOptions().upsert(true));
    }

    /** Records that the DayClosed at {@code sequence} woke every account it had to; only ever moves forward. */
    public void handled(long sequence) {
        calendar.updateOne(Filters.eq("_id", ID), Updates.max("handledSequence", sequence),
                new UpdateOptions().upsert(true));
    }
}
