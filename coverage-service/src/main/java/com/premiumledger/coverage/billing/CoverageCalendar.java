package com.premiumledger.coverage.billing;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.DeleteOneModel;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import com.mongodb.client.model.WriteModel;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
 * only ever moved forward, and only once the day's accounts were judged: it is the guard that makes a redelivered
 * copy of a closed day decide nothing). {@code coverage_time_index} has one document per partition and day
 * (_id = {@code <partition>|<ISO date>}) listing the accounts whose coverage time alone may move on that day.
 * A batch reads and writes these through {@link BillingBatch}, one round trip per collection and direction.
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

    /** The latest day closed on each of {@code partitions} that closed any, in one {@code $in} read. */
    Map<Integer, LocalDate> businessDates(Collection<Integer> partitions) {
        Map<Integer, LocalDate> dates = new HashMap<>();
        if (partitions.isEmpty()) {
            return dates;
        }
        for (Document document : businessDate.find(Filters.in("_id", partitions.stream()
                .map(CoverageCalendar::partitionId).toList()))) {
            dates.put(Integer.parseInt(document.getString("_id").substring(1)),
                    LocalDate.parse(document.getString("date")));
        }
        return dates;
    }

    /**
     * The days in {@code from..to} that have accounts of {@code partition} to look at, with their accounts, as
     * stored (one {@code $in} read).
     */
    Map<LocalDate, Set<String>> due(int partition, LocalDate from, LocalDate to) {
        List<String> days = new ArrayList<>();
        for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
            days.add(dayId(new Day(partition, day)));
        }
        Map<LocalDate, Set<String>> due = new HashMap<>();
        for (Document document : timeIndex.find(Filters.in("_id", days))) {
            String id = document.getString("_id");
            due.put(LocalDate.parse(id.substring(id.indexOf('|') + 1)),
                    new TreeSet<>(document.getList("accountIds", String.class, List.of())));
        }
        return due;
    }

    /**
     * Stores the accounts to look at on later days, then forgets the days whose accounts were looked at. One
     * ordered bulk write (still one round trip), so a reminder is stored before the day it was made on is gone.
     */
    void remindAndForget(Map<Day, Set<String>> reminders, Collection<Day> done) {
        List<WriteModel<Document>> writes = new ArrayList<>();
        reminders.forEach((day, accountIds) -> writes.add(new UpdateOneModel<>(Filters.eq("_id", dayId(day)),
                Updates.addEachToSet("accountIds", List.copyOf(accountIds)), new UpdateOptions().upsert(true))));
        done.forEach(day -> writes.add(new DeleteOneModel<>(Filters.eq("_id", dayId(day)))));
        if (!writes.isEmpty()) {
            timeIndex.bulkWrite(writes, new BulkWriteOptions().ordered(true));
        }
    }

    /** Moves each partition's business date to the day it closed; a max never moves one back (ISO text order). */
    void closeThrough(Map<Integer, LocalDate> closed) {
        List<WriteModel<Document>> writes = new ArrayList<>();
        closed.forEach((partition, date) -> writes.add(new UpdateOneModel<>(Filters.eq("_id", partitionId(partition)),
                Updates.max("date", date.toString()), new UpdateOptions().upsert(true))));
        if (!writes.isEmpty()) {
            businessDate.bulkWrite(writes, new BulkWriteOptions().ordered(false));
        }
    }

    private static String partitionId(int partition) {
        return "p" + partition;
    }

    private static String dayId(Day day) {
        return day.partition() + "|" + day.date();
    }

    /** One day of one partition's calendar. */
    record Day(int partition, LocalDate date) {
    }
}
