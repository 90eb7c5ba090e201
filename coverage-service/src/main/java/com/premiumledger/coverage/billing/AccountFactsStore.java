package com.premiumledger.coverage.billing;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.premiumledger.coverage.lifecycle.AccountFacts;
import com.premiumledger.coverage.lifecycle.BillFact;
import com.premiumledger.platform.store.IdGuard;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.function.UnaryOperator;
import org.bson.Document;
import org.springframework.stereotype.Component;

/**
 * {@code coverage_account_facts}: one document per account (_id = account id) with what billing told coverage.
 * Each billing event changes it once: the write is conditional on the {@code lastSequence} it was read at,
 * and an event at or below {@code lastSequence} (a replay) changes nothing.
 */
@Component
class AccountFactsStore {

    static final String COLLECTION = "coverage_account_facts";

    private final MongoCollection<Document> facts;

    private static final IdGuard GUARD = new IdGuard("lastSequence");

    AccountFactsStore(MongoDatabase database) {
        this.facts = database.getCollection(COLLECTION);
    }

    AccountFacts load(String accountId) {
        Document document = facts.find(Filters.eq("_id", accountId)).first();
        return document == null ? AccountFacts.none(accountId) : fromDocument(document);
    }

    /** Folds one billing event in (once) and returns the facts as they now stand. */
    AccountFacts apply(String accountId, long sequence, UnaryOperator<AccountFacts> change) {
        AccountFacts before = load(accountId);
        if (before.lastSequence() >= sequence) {
            return before;
        }
        AccountFacts after = change.apply(before).applied(sequence);
        if (before.lastSequence() < 0 && insert(after)) {
            return after;
        }
        long matched = facts.replaceOne(GUARD.on(facts, accountId, before.lastSequence()), toDocument(after))
                .getMatchedCount();
        if (matched == 0) {
            // Another writer got there first (only a replay can): what is stored is the truth.
            return load(accountId);
        }
        return after;
    }

    private boolean insert(AccountFacts after) {
        try {
            facts.insertOne(toDocument(after));
            return true;
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
                return false;
            }
            throw e;
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
