package com.premiumledger.billing.calendar;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import java.time.LocalDate;
import java.util.Optional;
import org.bson.Document;

/**
 * The calendar's snapshot, {@code calendar_heads} ({@code _id} = calendar id): the last day closed and the
 * sequence of its DayClosed. A cache of the event store, never the truth: the repository reads the commits
 * after it, so a head that lags (a crash after a close, before the head was written) only costs a read.
 *
 * <p>Invariant: a head's sequence is the last of a stored commit (it is only ever written from the calendar's
 * version after a commit, or after reading whole commits), so the commit after it has the id {@code
 * <calendar>:<sequence + 1>}. A head inside a commit would hide the rest of that commit.
 */
final class CalendarHeads {

    static final String COLLECTION = "calendar_heads";

    private final MongoCollection<Document> heads;

    CalendarHeads(MongoDatabase database) {
        this.heads = database.getCollection(COLLECTION);
    }

    /** A closed day and the sequence of its DayClosed. */
    record Head(LocalDate lastClosed, long lastSequence) {
    }

    Optional<Head> find(String calendarId) {
        Document document = heads.find(Filters.eq("_id", calendarId)).first();
        return Optional.ofNullable(document).map(found -> new Head(LocalDate.parse(found.getString("lastClosed")),
                found.getLong("lastSequence")));
    }

    /**
     * Moves the head forward to {@code head}, never back, in one write and without reading: days close in
     * sequence order, so the later sequence and the later date (ISO dates order as text) belong together, and
     * two writers racing or a late writer leave the latest pair.
     */
    void advance(String calendarId, Head head) {
        heads.updateOne(Filters.eq("_id", calendarId), Updates.combine(
                        Updates.max("lastSequence", head.lastSequence()),
                        Updates.max("lastClosed", head.lastClosed().toString())),
                new UpdateOptions().upsert(true));
    }
}
