package com.premiumledger.coverage.billing;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import org.bson.Document;
import org.springframework.stereotype.Component;

/**
 * Business time as coverage knows it. {@code coverage_business_date} holds the latest closed day (one document,
 * only ever moved forward). {@code coverage_time_index} has one document per day (_id = ISO date) listing the
 * accounts whose coverage time alone may move on that day, so a closed day looks at those accounts only.
 */
@Component
class CoverageCalendar {

    static final String BUSINESS_DATE = "coverage_business_date";
    static final String TIME_INDEX = "coverage_time_index";
    private static final String CURRENT = "current";

    private final MongoCollection<Document> businessDate;
    private final MongoCollection<Document> timeIndex;

    CoverageCalendar(MongoDatabase database) {
        this.businessDate = database.getCollection(BUSINESS_DATE);
        this.timeIndex = database.getCollection(TIME_INDEX);
    }

    Optional<LocalDate> businessDate() {
        Document document = businessDate.find(Filters.eq("_id", CURRENT)).first();
        return Optional.ofNullable(document).map(found -> LocalDate.parse(found.getString("date")));
    }

    /** Days close in order; a redelivered older day never moves the date back (ISO dates compare as text). */
    void advanceTo(LocalDate date) {
        long matched = businessDate.updateOne(Filters.and(Filters.eq("_id", CURRENT),
                Filters.lt("date", date.toString())), Updates.set("date", date.toString())).getMatchedCount();
        if (matched == 0 && businessDate().isEmpty()) {
            try {
                businessDate.insertOne(new Document("_id", CURRENT).append("date", date.toString()));
            } catch (MongoWriteException e) {
                if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                    throw e;
                }
                advanceTo(date);
            }
        }
    }

    /**
     * Remembers that {@code accountId} needs a look on {@code date}. A day already closed will not close again,
     * so a decision that is already due (the account's events lagged the calendar) waits for the next close.
     */
    void remind(String accountId, LocalDate date) {
        LocalDate day = businessDate().filter(closed -> !date.isAfter(closed)).map(closed -> closed.plusDays(1))
                .orElse(date);
        timeIndex.updateOne(Filters.eq("_id", day.toString()), Updates.addToSet("accountIds", accountId),
                new UpdateOptions().upsert(true));
    }

    /** The days in {@code from..to} that have accounts to look at, with their accounts (sorted, for a stable order). */
    List<Due> due(LocalDate from, LocalDate to) {
        List<String> days = new ArrayList<>();
        for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
            days.add(day.toString());
        }
        List<Due> due = new ArrayList<>();
        for (Document document : timeIndex.find(Filters.in("_id", days))) {
            due.add(new Due(LocalDate.parse(document.getString("_id")),
                    List.copyOf(new TreeSet<>(document.getList("accountIds", String.class, List.of())))));
        }
        due.sort((first, second) -> first.day().compareTo(second.day()));
        return due;
    }

    /** Forgets a day once its accounts were looked at; each was reminded again of its next day if it has one. */
    void done(LocalDate day) {
        timeIndex.deleteOne(Filters.eq("_id", day.toString()));
    }

    record Due(LocalDate day, List<String> accountIds) {
    }
}
