package com.premiumledger.notification.account;

import com.mongodb.bulk.BulkWriteResult;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOneModel;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.WriteModel;
import com.premiumledger.notification.NotificationProperties;
import com.premiumledger.notification.account.AccountRecord.BillingSide;
import com.premiumledger.notification.account.AccountRecord.CoverageSide;
import com.premiumledger.notification.account.AccountState.Autopay;
import com.premiumledger.notification.account.AccountState.BillFact;
import com.premiumledger.notification.account.AccountState.CoverageFact;
import com.premiumledger.platform.store.IdGuard;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.springframework.stereotype.Component;

/**
 * The per-account notice state in {@code notice_accounts}: per account a billing document ({@code _id} = account
 * id) and a coverage document ({@code _id} = account id + {@value #COVERAGE_SUFFIX}), each written only by the
 * handler of its topic, each with the {@code lastSequence} of its stream. A batch reads both documents of all its
 * accounts in one {@code $in} and writes the side it folded in one unordered bulk write, each write guarded by
 * the {@code lastSequence} it read, so an event already applied is never applied again and two writers of one
 * side cannot both win.
 */
@Component
public class AccountStates {

    static final String COLLECTION = "notice_accounts";
    static final String COVERAGE_SUFFIX = "|coverage";
    static final String LAST_SEQUENCE = "lastSequence";

    private static final IdGuard GUARD = new IdGuard(LAST_SEQUENCE);

    private final MongoCollection<Document> accounts;
    private final int billsMax;

    AccountStates(MongoDatabase database, NotificationProperties properties) {
        this.accounts = database.getCollection(COLLECTION);
        this.billsMax = properties.billsPerAccountMax();
    }

    public int billsMax() {
        return billsMax;
    }

    /** A side as read and as folded: the write is guarded by what was read. */
    public record Change(AccountRecord before, AccountRecord after) {
    }

    /** Every account of {@code accountIds}, both sides, in one read; an account never seen is empty. */
    public Map<String, AccountRecord> findAll(Collection<String> accountIds) {
        Map<String, AccountRecord> records = new HashMap<>();
        if (accountIds.isEmpty()) {
            return records;
        }
        List<String> ids = new ArrayList<>(accountIds.size() * 2);
        for (String accountId : accountIds) {
            records.put(accountId, AccountRecord.empty(accountId));
            ids.add(accountId);
            ids.add(accountId + COVERAGE_SUFFIX);
        }
        for (Document document : accounts.find(Filters.in("_id", ids))) {
            String id = document.getString("_id");
            if (id.endsWith(COVERAGE_SUFFIX)) {
                String accountId = id.substring(0, id.length() - COVERAGE_SUFFIX.length());
                records.computeIfPresent(accountId, (key, record) -> record.withCoverage(coverageSide(document)));
            } else {
                records.computeIfPresent(id, (key, record) -> record.withBilling(billingSide(document)));
            }
        }
        return records;
    }

    /** Stores the billing sides; false when one was written by someone else since it was read. */
    public boolean saveBilling(List<Change> changes) {
        List<WriteModel<Document>> writes = new ArrayList<>(changes.size());
        for (Change change : changes) {
            writes.add(write(change.after().accountId(), change.before().billing().lastSequence(),
                    billingDocument(change.after().billing())));
        }
        return saveAll(writes);
    }

    /** Stores the coverage sides; false when one was written by someone else since it was read. */
    public boolean saveCoverage(List<Change> changes) {
        List<WriteModel<Document>> writes = new ArrayList<>(changes.size());
        for (Change change : changes) {
            writes.add(write(change.after().accountId() + COVERAGE_SUFFIX, change.before().coverage().lastSequence(),
                    coverageDocument(change.after().coverage())));
        }
        return saveAll(writes);
    }

    /**
     * A side never written (or written before sides had sequences) is upserted by {@code _id}; a side with a
     * sequence is replaced only over the version read. Two writers of one side exist only while a partition moves
     * between instances, and both then fold the same stream from its start.
     */
    private WriteModel<Document> write(String id, long expectedLastSequence, Document document) {
        document.append("_id", id);
        return expectedLastSequence < 0
                ? new ReplaceOneModel<>(Filters.eq("_id", id), document, new ReplaceOptions().upsert(true))
                : new ReplaceOneModel<>(GUARD.on(accounts, id, expectedLastSequence), document);
    }

    private boolean saveAll(List<WriteModel<Document>> writes) {
        if (writes.isEmpty()) {
            return true;
        }
        BulkWriteResult result = accounts.bulkWrite(writes, new BulkWriteOptions().ordered(false));
        return result.getMatchedCount() + result.getUpserts().size() == writes.size();
    }

    private static Document billingDocument(BillingSide billing) {
        Document bills = new Document();
        for (BillFact bill : billing.bills()) {
            bills.append(key(bill.billId()), new Document("billId", bill.billId())
                    .append("coverageMonth", bill.coverageMonth())
                    .append("dueDate", text(bill.dueDate()))
                    .append("amountDueCents", bill.amountDueCents())
                    .append("openCents", bill.openCents()));
        }
        Autopay autopay = billing.autopay();
        return new Document("program", billing.program())
                .append("bills", bills)
                .append("autopay", new Document("enrolled", autopay.enrolled()).append("method", autopay.method())
                        .append("lastFour", autopay.lastFour()))
                .append(LAST_SEQUENCE, billing.lastSequence());
    }

    private static Document coverageDocument(CoverageSide side) {
        CoverageFact coverage = side.coverage();
        return new Document("program", side.program())
                .append("coverage", coverage == null ? null : new Document("status", coverage.status())
                        .append("effectiveDate", text(coverage.effectiveDate()))
                        .append("graceStart", text(coverage.graceStart()))
                        .append("graceEnd", text(coverage.graceEnd()))
                        .append("terminationEffectiveDate", text(coverage.terminationEffectiveDate())))
                .append(LAST_SEQUENCE, side.lastSequence());
    }

    private static BillingSide billingSide(Document document) {
        List<BillFact> bills = new ArrayList<>();
        Document billDocuments = document.get("bills", Document.class);
        if (billDocuments != null) {
            for (Object value : billDocuments.values()) {
                Document bill = (Document) value;
                bills.add(new BillFact(bill.getString("billId"), bill.getString("coverageMonth"),
                        date(bill.getString("dueDate")), bill.get("amountDueCents", 0L), bill.get("openCents", 0L)));
            }
        }
        bills.sort(Comparator.comparing(BillFact::dueDate, Comparator.nullsLast(Comparator.naturalOrder())));
        Document autopay = document.get("autopay", Document.class);
        return new BillingSide(document.getString("program"), bills, autopay == null ? Autopay.NONE
                : new Autopay(autopay.getBoolean("enrolled", false), autopay.getString("method"),
                        autopay.getString("lastFour")), sequence(document));
    }

    private static CoverageSide coverageSide(Document document) {
        Document coverage = document.get("coverage", Document.class);
        return new CoverageSide(document.getString("program"), coverage == null ? null
                : new CoverageFact(coverage.getString("status"), date(coverage.getString("effectiveDate")),
                        date(coverage.getString("graceStart")), date(coverage.getString("graceEnd")),
                        date(coverage.getString("terminationEffectiveDate"))), sequence(document));
    }

    private static long sequence(Document document) {
        Number sequence = document.get(LAST_SEQUENCE, Number.class);
        return sequence == null ? -1 : sequence.longValue();
    }

    /** Bill ids become field names; a dot or a leading dollar would be read as a path or an operator. */
    static String key(String billId) {
        return billId.replace('.', '_').replace('$', '_');
    }

    private static String text(LocalDate date) {
        return date == null ? null : date.toString();
    }

    private static LocalDate date(String text) {
        return text == null ? null : LocalDate.parse(text);
    }
}
