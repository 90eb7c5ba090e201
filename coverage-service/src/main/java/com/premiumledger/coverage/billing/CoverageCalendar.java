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
 * Business time as coverage knows it, per partition of the billing topic. DayClosed reaches every partition
 * (it is a {@link com.premiumledger.events.PartitionBroadcast}), and an account's events all live on one
 * partition, so each partition's copy of a closed day judges that partition's accounts, after exactly the account
 * events that partition carried before it: the same on every replay, whatever the interleaving of partitions.
 *
 * <p>{@code coverage_business_date} holds the latest day closed on each partition (_id = {@code p<partition>},
 * only ever moved forward). {@code coverage_time_index} has one document per partition and day
 * (_id = {@code <partition>|<ISO date>}) listing the accounts whose coverage time alone may move on that day.
 */
@Component
class CoverageCalendar {

    static final String BUSINESS_DATE = "coverage_business_date";
    static final String TIME_INDEX = "coverage_time_index";

    private final MongoCollection<Document> businessDate;
    private final MongoCollection<Document> timeIndex;

    CoverageCalendar(MongoDatabase database) {
        this.businessDate = database.getCollection(BUSINESS_DATE);
        this.timeIndex = database.getCollection(TIME_INDEX);
    }

    /** The latest day closed on {@code partition}. */
    Optional<LocalDate> businessDate(int partition) {
        Document document = businessDate.find(Filters.eq("_id", partitionId(partition))).first();
        return Optional.ofNullable(document).map(found -> LocalDate.parse(found.getString("date")));
    }

    /** Days close in order; a redelivered older day never moves the date back (ISO dates compare as text). */
    void advanceTo(int partition, LocalDate date) {
        String id = partitionId(partition);
        long matched = businessDate.updateOne(Filters.and(Filters.eq("_id", id),
                Filters.lt("date", date.toString())), Updates.set("date", date.toString())).getMatchedCount();
        if (matched == 0 && businessDate(partition).isEmpty()) {
            try {
                businessDate.insertOne(new Document("_id", id).append("date", date.toString()));
            } catch (MongoWriteException e) {
                if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                    throw e;
                }
                advanceTo(partition, date);
            }
        }
    }

    /**
     * Remembers that {@code accountId} (whose events are on {@code partition}) needs a look on {@code date}. A
     * day already closed on that partition will not close again, so a decision that is already due (the account's
     * events came after the close) waits for the next close.
     */
    void remind(String accountId, int partition, LocalDate date) {
        LocalDate day = businessDate(partition).filter(closed -> !date.isAfter(closed))
                .map(closed -> closed.plusDays(1)).orElse(date);
        timeIndex.updateOne(Filters.eq("_id", dayId(partition, day)), Updates.addToSet("accountIds", accountId),
                new UpdateOptions().upsert(true));
    }

    /**
     * The days in {@code from..to} that have accounts of {@code partition} to look at, with their accounts (sorted,
     * for a stable order).
     */
    List<Due> due(int partition, LocalDate from, LocalDate to) {
        List<String> days = new ArrayList<>();
        for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
            days.add(dayId(partition, day));
        }
        List<Due> due = new ArrayList<>();
        for (Document document : timeIndex.find(Filters.in("_id", days))) {
            String id = document.getString("_id");
            due.add(new Due(LocalDate.parse(id.substring(id.indexOf('|') + 1)),
                    List.copyOf(new TreeSet<>(document.getList("accountIds", String.class, List.of())))));
        }
        due.sort((first, second) -> first.day().compareTo(second.day()));
        return due;
    }

    /** Forgets a day once its accounts were looked at; each was reminded again of its next day if it has one. */
    void done(int partition, LocalDate day) {
        timeIndex.deleteOne(Filters.eq("_id", dayId(partition, day)));
    }

    private static String partitionId(int partition) {
        return "p" + partition;
    }

    private static String dayId(int partition, LocalDate day) {
        return partition + "|" + day;
    }

    record Due(LocalDate day, List<String> accountIds) {
    }
}
