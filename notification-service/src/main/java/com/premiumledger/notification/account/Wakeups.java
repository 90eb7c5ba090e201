package com.premiumledger.notification.account;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import com.mongodb.client.model.WriteModel;
import com.premiumledger.notification.NotificationProperties;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.bson.Document;
import org.springframework.stereotype.Component;

/**
 * Which accounts to look at again when a given day closes (a bill's due-soon day, a termination warning day),
 * so that closing a day reads a few documents by {@code _id} instead of scanning every account. One day's list
 * is split into {@code wakeupBuckets} documents ({@code _id} = date#bucket), so none grows without bound.
 */
@Component
public class Wakeups {

    static final String COLLECTION = "notice_wakeups";
    private static final int IDS_PER_QUERY = 500;

    private final MongoCollection<Document> wakeups;
    private final int buckets;

    Wakeups(MongoDatabase database, NotificationProperties properties) {
        this.wakeups = database.getCollection(COLLECTION);
        this.buckets = properties.wakeupBuckets();
    }

    /** Registers every account for its days with one bulk write (one update per day and bucket). */
    public void addAll(Map<String, Set<LocalDate>> daysByAccount) {
        Map<String, Set<String>> accountsById = new LinkedHashMap<>();
        daysByAccount.forEach((accountId, days) -> days.forEach(day ->
                accountsById.computeIfAbsent(id(day, bucket(accountId)), id -> new LinkedHashSet<>()).add(accountId)));
        if (accountsById.isEmpty()) {
            return;
        }
        List<WriteModel<Document>> writes = new ArrayList<>(accountsById.size());
        accountsById.forEach((id, accountIds) -> writes.add(new UpdateOneModel<>(Filters.eq("_id", id),
                Updates.addEachToSet("accountIds", List.copyOf(accountIds)), new UpdateOptions().upsert(true))));
        wakeups.bulkWrite(writes, new BulkWriteOptions().ordered(false));
    }

    /** The accounts to wake for the days {@code from} to {@code to}, both included. */
    public Set<String> accountsFor(LocalDate from, LocalDate to) {
        List<String> ids = new ArrayList<>();
        for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
            for (int bucket = 0; bucket < buckets; bucket++) {
                ids.add(id(day, bucket));
            }
        }
        Set<String> accountIds = new LinkedHashSet<>();
        for (int start = 0; start < ids.size(); start += IDS_PER_QUERY) {
            List<String> batch = ids.subList(start, Math.min(ids.size(), start + IDS_PER_QUERY));
            for (Document document : wakeups.find(Filters.in("_id", batch))) {
                accountIds.addAll(document.getList("accountIds", String.class, List.of()));
            }
        }
        return accountIds;
    }

    /**
     * Forgets the days {@code from} to {@code to} once handled. An account added after the read is not lost:
     * its writer looks at the calendar after adding, sees the day closed, and evaluates the account itself.
     */
    public void forget(LocalDate from, LocalDate to) {
        List<String> ids = new ArrayList<>();
        for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
            for (int bucket = 0; bucket < buckets; bucket++) {
                ids.add(id(day, bucket));
            }
        }
        for (int start = 0; start < ids.size(); start += IDS_PER_QUERY) {
            wakeups.deleteMany(Filters.in("_id", ids.subList(start, Math.min(ids.size(), start + IDS_PER_QUERY))));
        }
    }

    private int bucket(String accountId) {
        return Math.floorMod(accountId.hashCode(), buckets);
    }

    private static String id(LocalDate day, int bucket) {
        return day + "#" + bucket;
    }
}
