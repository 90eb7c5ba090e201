package com.premiumledger.coverage.billing;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.InsertOneModel;
import com.mongodb.client.model.ReplaceOneModel;
import com.mongodb.client.model.WriteModel;
import com.premiumledger.coverage.lifecycle.AccountFacts;
import com.premiumledger.coverage.lifecycle.BillFact;
import com.premiumledger.platform.store.IdGuard;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.springframework.stereotype.Component;

/**
 * {@code coverage_account_facts}: one document per account (_id = account id) with what billing told coverage.
 * Each billing event changes it once: the write is conditional on the {@code lastSequence} it was read at,
 * and an event at or below {@code lastSequence} (a redelivery, or an older event) changes nothing. It is written
 * after the decisions the event led to, so its {@code lastSequence} also says they were made.
 */
@Component
class AccountFactsStore {

    static final String COLLECTION = "coverage_account_facts";

    private final MongoCollection<Document> facts;

    private static final IdGuard GUARD = new IdGuard("lastSequence");

    AccountFactsStore(MongoDatabase database) {
        this.facts = database.getCollection(COLLECTION);
    }

    /** The stored facts of {@code accountIds} that have any, in one {@code $in} read. */
    Map<String, AccountFacts> loadAll(Collection<String> accountIds) {
        Map<String, AccountFacts> found = new HashMap<>();
        if (accountIds.isEmpty()) {
            return found;
        }
        for (Document document : facts.find(Filters.in("_id", accountIds))) {
            AccountFacts account = fromDocument(document);
            found.put(account.accountId(), account);
        }
        return found;
    }

    /**
     * Stores the facts a batch moved in one unordered bulk write, each guarded by the {@code lastSequence} it
     * was read at ({@code stored}; absent: inserted). Throws when a guard did not hold: only a second writer (a
     * rebalance) can get there first, and the event-by-event retry then skips what it stored.
     */
    void saveAll(Map<String, AccountFacts> stored, Collection<AccountFacts> moved) {
        List<WriteModel<Document>> writes = new ArrayList<>();
        for (AccountFacts after : moved) {
            AccountFacts before = stored.get(after.accountId());
            writes.add(before == null ? new InsertOneModel<>(toDocument(after)) : new ReplaceOneModel<>(
                    GUARD.on(facts, after.accountId(), before.lastSequence()), toDocument(after)));
        }
        if (!IdGuard.writeAll(facts, writes)) {
            throw new IllegalStateException("account facts changed while a batch was folded in");
        }
    }

    static Document toDocument(AccountFacts account) {
        List<Document> bills = account.bills().stream().map(bill -> new Document("billId", bill.billId())
                .append("coverageMonth", bill.coverageMonth().toString())
                .append("dueDate", bill.dueDate().toString())
                .append("amountDueCents", bill.amountDueCents())
                .append("openCents", bill.openCents())
                .append("missed", bill.missed())).toList();
        return new Document("_id", account.accountId())
                .append("program", account.program())
                .append("coverageStart", text(account.coverageStart()))
                .append("bills", bills)
                .append("reversedPaymentIds", List.copyOf(account.reversedPaymentIds()))
                .append("clockDate", text(account.clockDate()))
                .append("lastSequence", account.lastSequence());
    }

    static AccountFacts fromDocument(Document document) {
        List<BillFact> bills = new ArrayList<>();
        for (Document bill : document.getList("bills", Document.class, List.of())) {
            bills.add(new BillFact(bill.getString("billId"), YearMonth.parse(bill.getString("coverageMonth")),
                    LocalDate.parse(bill.getString("dueDate")), number(bill, "amountDueCents"),
                    number(bill, "openCents"), bill.getBoolean("missed", false)));
        }
        return new AccountFacts(document.getString("_id"), document.getString("program"),
                date(document.getString("coverageStart")), bills,
                new LinkedHashSet<>(document.getList("reversedPaymentIds", String.class, List.of())),
                date(document.getString("clockDate")), number(document, "lastSequence"));
    }

    private static long number(Document document, String field) {
        return ((Number) document.get(field)).longValue();
    }

    private static String text(LocalDate date) {
        return date == null ? null : date.toString();
    }

    private static LocalDate date(String text) {
        return text == null ? null : LocalDate.parse(text);
    }
}
