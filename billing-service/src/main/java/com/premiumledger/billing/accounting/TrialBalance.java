package com.premiumledger.billing.accounting;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.premiumledger.billing.BillingProperties;
import com.premiumledger.events.EventJson;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.bson.Document;
import org.springframework.stereotype.Component;

/**
 * Totals every ledger account over all posting streams. An auditor's query, O(streams): it reads the whole
 * {@code posting_streams} collection with one unfiltered {@code find()} (a scan the embedded server does
 * anyway; no range, sort or secondary filter), bounded by {@code premium.billing.trial-balance-streams-max}.
 */
@Component
public class TrialBalance {

    /** One ledger account's totals; {@code netCents} = debit - credit. */
    public record AccountTotals(String ledgerAccount, long debitCents, long creditCents, long netCents) {
    }

    /** Every ledger account and the grand totals, which net to zero when the books balance. */
    public record Result(LocalDate asOf, List<AccountTotals> accounts, long debitCents, long creditCents,
                         long netCents, int streams) {

        public boolean balanced() {
            return netCents == 0 && debitCents == creditCents;
        }
    }

    private final MongoCollection<Document> streams;
    private final int streamsMax;

    TrialBalance(MongoDatabase database, BillingProperties properties) {
        this.streams = database.getCollection(PostingsProjection.COLLECTION);
        this.streamsMax = properties.trialBalanceStreamsMax();
    }

    /** As of the end of {@code asOf} (null: everything posted). */
    public Result compute(LocalDate asOf) {
        Map<String, PostingStream.Totals> byAccount = new TreeMap<>();
        int count = 0;
        for (Document document : streams.find()) {
            if (++count > streamsMax) {
                throw new IllegalStateException("more than " + streamsMax + " posting streams; raise"
                        + " premium.billing.trial-balance-streams-max");
            }
            PostingStream stream = read(document);
            stream.checkBalanced();
            addStream(byAccount, stream, asOf);
        }
        return result(asOf, byAccount, count);
    }

    private static void addStream(Map<String, PostingStream.Totals> byAccount, PostingStream stream, LocalDate asOf) {
        if (asOf == null) {
            add(byAccount, stream.totals());
            return;
        }
        // ISO dates order as strings, so the keys up to asOf are the days on or before it.
        String last = asOf.toString();
        stream.days().forEach((day, totals) -> {
            if (day.compareTo(last) <= 0) {
                add(byAccount, totals);
            }
        });
    }

    private static void add(Map<String, PostingStream.Totals> byAccount, Map<String, PostingStream.Totals> more) {
        more.forEach((account, totals) -> byAccount.merge(account, totals,
                (a, b) -> a.plus(b.debitCents(), b.creditCents())));
    }

    private static Result result(LocalDate asOf, Map<String, PostingStream.Totals> byAccount, int streams) {
        List<AccountTotals> accounts = new ArrayList<>();
        long debitCents = 0;
        long creditCents = 0;
        for (Map.Entry<String, PostingStream.Totals> entry : byAccount.entrySet()) {
            PostingStream.Totals totals = entry.getValue();
            accounts.add(new AccountTotals(entry.getKey(), totals.debitCents(), totals.creditCents(),
                    totals.debitCents() - totals.creditCents()));
            debitCents += totals.debitCents();
            creditCents += totals.creditCents();
        }
        return new Result(asOf, accounts, debitCents, creditCents, debitCents - creditCents, streams);
    }

    private static PostingStream read(Document document) {
        Document copy = new Document(document);
        copy.remove("_id");
        return EventJson.mapper().convertValue(copy, PostingStream.class);
    }
}
