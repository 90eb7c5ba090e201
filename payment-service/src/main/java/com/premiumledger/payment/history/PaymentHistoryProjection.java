package com.premiumledger.payment.history;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import com.premiumledger.events.PaymentRecorded;
import com.premiumledger.events.Topics;
import com.premiumledger.payment.PaymentProperties;
import com.premiumledger.platform.consumer.EventStreamHandler;
import com.premiumledger.platform.consumer.ReceivedEvent;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.bson.Document;
import org.springframework.stereotype.Component;

/**
 * Payment history from premium.payments.v1: {@code payment_views} (one document per payment) and
 * {@code account_payments} (one document per account, its payments in the order recorded, with a
 * {@code version} that guards every write). Both writes are idempotent, so the event a crash replays changes
 * nothing: a payment already in the list is not added again, and a view keeps its first delivery.
 */
@Component
class PaymentHistoryProjection implements EventStreamHandler {

    static final String VIEWS = "payment_views";
    static final String ACCOUNTS = "account_payments";
    /** Writers of one account's document race only on a rebalance; a few rounds settle it. */
    private static final int WRITE_ATTEMPTS_MAX = 5;

    private final MongoCollection<Document> views;
    private final MongoCollection<Document> accounts;
    private final PaymentProperties properties;

    PaymentHistoryProjection(MongoDatabase database, PaymentProperties properties) {
        this.views = database.getCollection(VIEWS);
        this.accounts = database.getCollection(ACCOUNTS);
        this.properties = properties;
    }

    @Override
    public String name() {
        return "payment-history";
    }

    @Override
    public Collection<String> topics() {
        return List.of(Topics.PAYMENTS);
    }

    @Override
    public void handle(ReceivedEvent event) {
        if (!(event.payload() instanceof PaymentRecorded payment)) {
            return;
        }
        PaymentView view = PaymentView.of(payment, event);
        views.updateOne(Filters.eq("_id", view.paymentId()), Updates.setOnInsert(view.toDocument()),
                new UpdateOptions().upsert(true));
        appendToAccount(view);
    }

    private void appendToAccount(PaymentView view) {
        for (int attempt = 0; attempt < WRITE_ATTEMPTS_MAX; attempt++) {
            Document account = accounts.find(Filters.eq("_id", view.accountId())).first();
            if (account == null ? insertFirst(view) : appendIfAbsent(account, view)) {
                return;
            }
        }
        throw new IllegalStateException("account " + view.accountId() + " payments kept changing while payment "
                + view.paymentId() + " was added");
    }

    private boolean insertFirst(PaymentView view) {
        try {
            accounts.insertOne(new Document("_id", view.accountId()).append("version", 1L)
                    .append("payments", List.of(view.toDocument())));
            return true;
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
                return false;
            }
            throw e;
        }
    }

    /** True when the payment is in the list afterwards, false when another writer got in between. */
    private boolean appendIfAbsent(Document account, PaymentView view) {
        List<Document> payments = account.getList("payments", Document.class, List.of());
        if (payments.stream().anyMatch(entry -> view.paymentId().equals(entry.getString("paymentId")))) {
            return true;
        }
        if (payments.size() >= properties.paymentsPerAccountMax()) {
            // Failing sends the event to the dead-letter topic, to be replayed once the limit is raised.
            throw new IllegalStateException("account " + view.accountId() + " already holds "
                    + properties.paymentsPerAccountMax() + " payments; raise premium.payment.payments-per-account-max");
        }
        long version = account.getLong("version");
        return accounts.updateOne(Filters.and(Filters.eq("_id", view.accountId()), Filters.eq("version", version)),
                Updates.combine(Updates.push("payments", view.toDocument()), Updates.set("version", version + 1)))
                .getModifiedCount() == 1;
    }

    Optional<PaymentView> payment(String paymentId) {
        return Optional.ofNullable(views.find(Filters.eq("_id", paymentId)).first()).map(PaymentView::fromDocument);
    }

    /** The account's payments in recorded order, or empty when none was ever recorded. */
    Optional<List<PaymentView>> accountPayments(String accountId) {
        Document account = accounts.find(Filters.eq("_id", accountId)).first();
        if (account == null) {
            return Optional.empty();
        }
        List<PaymentView> payments = account.getList("payments", Document.class, List.of()).stream()
                .map(PaymentView::fromDocument).toList();
        assertNoDuplicates(accountId, payments);
        return Optional.of(payments);
    }

    /** The dedupe on write, checked again on read: a payment listed twice would double an auditor's total. */
    private static void assertNoDuplicates(String accountId, List<PaymentView> payments) {
        long distinct = payments.stream().map(PaymentView::paymentId).distinct().count();
        if (distinct != payments.size()) {
            throw new IllegalStateException("account " + accountId + " lists a payment twice");
        }
    }
}
