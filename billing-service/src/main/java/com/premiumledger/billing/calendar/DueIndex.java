package com.premiumledger.billing.calendar;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.bson.Document;
import org.springframework.stereotype.Component;

/**
 * Which accounts have a bill due on which day, so that closing a day looks up only the accounts that can
 * have missed something, by {@code _id}. Written before the bill is issued: an account listed for a bill
 * that was then refused costs one no-op command, while a bill missing from the index would never be missed.
 *
 * <p>The accounts due on one day are spread over {@link #BUCKETS} documents by account ({@code _id} =
 * {@code <date>|<bucket>}): every bill of a month falls due on the same day, and one document holding every
 * account was rewritten whole on each bill (the embedded store copies and re-measures a document on every
 * update, and any store serializes writers on one document), so issuing bills grew slower with every account.
 * Documents keyed by the date alone, written before the buckets, are still read.
 */
@Component
public class DueIndex {

    static final String DAYS = "due_index";
    static final String BOUNDS = "due_index_bounds";
    static final String BOUNDS_ID = "bounds";
    /** Documents per due day; part of the stored layout, so it must not change while documents exist. */
    static final int BUCKETS = 32;

    private final MongoCollection<Document> days;
    private final MongoCollection<Document> bounds;

    DueIndex(MongoDatabase database) {
        this.days = database.getCollection(DAYS);
        this.bounds = database.getCollection(BOUNDS);
    }

    public void add(LocalDate dueDate, String accountId) {
        UpdateOptions upsert = new UpdateOptions().upsert(true);
        days.updateOne(Filters.eq("_id", documentId(dueDate, accountId)), Updates.addToSet("accounts", accountId),
                upsert);
        // ISO dates order as strings, so $min keeps the earliest.
        bounds.updateOne(Filters.eq("_id", BOUNDS_ID), Updates.min("minDueDate", dueDate.toString()), upsert);
    }

    /** The document that lists {@code accountId} among the accounts with a bill due on {@code dueDate}. */
    public static String documentId(LocalDate dueDate, String accountId) {
        return dueDate + "|" + Math.floorMod(accountId.hashCode(), BUCKETS);
    }

    Optional<LocalDate> minDueDate() {
        Document document = bounds.find(Filters.eq("_id", BOUNDS_ID)).first();
        return Optional.ofNullable(document).map(found -> found.getString("minDueDate")).map(LocalDate::parse);
    }

    /** Every account with a bill due on a day in [from, to], reading the documents of {@code batchDays} days per query. */
    Set<String> accountsDue(LocalDate from, LocalDate to, int batchDays) {
        Set<String> accounts = new LinkedHashSet<>();
        List<String> ids = new ArrayList<>(batchDays * (BUCKETS + 1));
        int daysInBatch = 0;
        for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
            ids.add(day.toString());
            for (int bucket = 0; bucket < BUCKETS; bucket++) {
                ids.add(day + "|" + bucket);
            }
            if (++daysInBatch == batchDays) {
                daysInBatch = 0;
                collect(ids, accounts);
                ids.clear();
            }
        }
        if (!ids.isEmpty()) {
            collect(ids, accounts);
        }
        return accounts;
    }

    private void collect(List<String> ids, Set<String> accounts) {
        for (Document document : days.find(Filters.in("_id", ids))) {
            accounts.addAll(document.getList("accounts", String.class, List.of()));
        }
    }
}
