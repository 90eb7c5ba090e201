package com.premiumledger.notification.account;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import com.premiumledger.events.BillIssued;
import com.premiumledger.events.CoverageStatusChanged;
import com.premiumledger.notification.NotificationProperties;
import com.premiumledger.notification.account.AccountState.Autopay;
import com.premiumledger.notification.account.AccountState.BillFact;
import com.premiumledger.notification.account.AccountState.CoverageFact;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.springframework.stereotype.Component;

/**
 * The per-account notice state in {@code notice_accounts} ({@code _id} = account id). Billing and coverage
 * events are consumed by different consumers, so each writes only its own fields ({@code bills.*},
 * {@code autopay}, {@code coverage}) with targeted updates and none overwrites the other. Every write sets a
 * value the event states (a bill's open amount after the event, the new status), so replaying an event leaves
 * the document as it was.
 */
@Component
public class AccountStates {

    static final String COLLECTION = "notice_accounts";

    private final MongoCollection<Document> accounts;
    private final int billsMax;

    AccountStates(MongoDatabase database, NotificationProperties properties) {
        this.accounts = database.getCollection(COLLECTION);
        this.billsMax = properties.billsPerAccountMax();
    }

    public void opened(String accountId, String program) {
        update(accountId, Updates.set("program", program));
    }

    public void billIssued(BillIssued bill) {
        dropOldestPaidBillWhenFull(bill.accountId(), bill.billId());
        update(bill.accountId(), Updates.set("bills." + key(bill.billId()), new Document("billId", bill.billId())
                .append("coverageMonth", bill.coverageMonth())
                .append("dueDate", bill.dueDate().toString())
                .append("amountDueCents", bill.amountDueCents())
                .append("openCents", bill.amountDueCents())));
    }

    /** Sets what a bill still owes, as the event that moved money on it says. Unknown bills are ignored. */
    public void billOpen(String accountId, String billId, long openAfterCents) {
        // Read, then write by _id (a condition on another field would make the embedded store scan): bills of an
        // account change only on its own stream, which one consumer thread handles in order.
        Document account = accounts.find(Filters.eq("_id", accountId)).first();
        Document bills = account == null ? null : account.get("bills", Document.class);
        if (bills != null && bills.containsKey(key(billId))) {
            accounts.updateOne(Filters.eq("_id", accountId),
                    Updates.set("bills." + key(billId) + ".openCents", openAfterCents));
        }
    }

    public void autopay(String accountId, Autopay autopay) {
        update(accountId, Updates.set("autopay", new Document("enrolled", autopay.enrolled())
                .append("method", autopay.method()).append("lastFour", autopay.lastFour())));
    }

    public void coverage(CoverageStatusChanged change) {
        List<Bson> updates = new ArrayList<>();
        updates.add(Updates.set("coverage", new Document("status", change.toStatus())
                .append("effectiveDate", text(change.effectiveDate()))
                .append("graceStart", text(change.graceStart()))
                .append("graceEnd", text(change.graceEnd()))
                .append("terminationEffectiveDate", text(change.terminationEffectiveDate()))));
        if (change.program() != null) {
            updates.add(Updates.set("program", change.program()));
        }
        update(change.accountId(), Updates.combine(updates));
    }

    public AccountState find(String accountId) {
        Document document = accounts.find(Filters.eq("_id", accountId)).first();
        if (document == null) {
            return AccountState.empty(accountId);
        }
        List<BillFact> bills = new ArrayList<>();
        Document billDocuments = document.get("bills", Document.class);
        if (billDocuments != null) {
            for (Object value : billDocuments.values()) {
                Document bill = (Document) value;
                bills.add(new BillFact(bill.getString("billId"), bill.getString("coverageMonth"),
                        date(bill.getString("dueDate")), bill.get("amountDueCents", 0L),
                        bill.get("openCents", 0L)));
            }
        }
        bills.sort(Comparator.comparing(BillFact::dueDate, Comparator.nullsLast(Comparator.naturalOrder())));
        Document autopay = document.get("autopay", Document.class);
        Document coverage = document.get("coverage", Document.class);
        return new AccountState(accountId, document.getString("program"), bills,
                autopay == null ? Autopay.NONE : new Autopay(autopay.getBoolean("enrolled", false),
                        autopay.getString("method"), autopay.getString("lastFour")),
                coverage == null ? null : new CoverageFact(coverage.getString("status"),
                        date(coverage.getString("effectiveDate")), date(coverage.getString("graceStart")),
                        date(coverage.getString("graceEnd")), date(coverage.getString("terminationEffectiveDate"))));
    }

    /** Keeps the document bounded: at the limit, the oldest bill with nothing open makes room. */
    private void dropOldestPaidBillWhenFull(String accountId, String billId) {
        AccountState state = find(accountId);
        if (state.bills().size() < billsMax || state.bill(billId).isPresent()) {
            return;
        }
        BillFact oldestPaid = state.bills().stream().filter(bill -> bill.openCents() == 0).findFirst()
                .orElseThrow(() -> new IllegalStateException("account " + accountId + " has " + billsMax
                        + " open bills, the most premium.notification.bills-per-account-max allows"));
        accounts.updateOne(Filters.eq("_id", accountId), Updates.unset("bills." + key(oldestPaid.billId())));
    }

    private void update(String accountId, Bson update) {
        accounts.updateOne(Filters.eq("_id", accountId), update, new UpdateOptions().upsert(true));
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
