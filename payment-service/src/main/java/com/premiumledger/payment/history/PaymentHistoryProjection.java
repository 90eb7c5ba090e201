package com.premiumledger.payment.history;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.premiumledger.events.PaymentAssigned;
import com.premiumledger.events.PaymentRecorded;
import com.premiumledger.events.PaymentReversed;
import com.premiumledger.events.RefundReleased;
import com.premiumledger.events.RefundRequested;
import com.premiumledger.events.Topics;
import com.premiumledger.events.UnappliedPaymentReceived;
import com.premiumledger.payment.PaymentProperties;
import com.premiumledger.payment.refund.RefundViews;
import com.premiumledger.platform.consumer.ReceivedEvent;
import com.premiumledger.platform.rebuild.ProjectionCollections;
import com.premiumledger.platform.rebuild.ProjectionStore;
import com.premiumledger.platform.rebuild.RebuildableProjection;
import com.premiumledger.platform.store.IdGuard;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.bson.Document;
import org.springframework.stereotype.Component;

/**
 * Payment history from premium.payments.v1: {@code payment_views} (one document per payment, folded from its
 * events in sequence order) and {@code account_payments} (one document per account, a copy of each of its
 * payments' views in the order they reached it, with a {@code version} that guards every write). Each payment's
 * {@code lastSequence} makes the event a crash replays change nothing; an account's copy is refreshed from the
 * view on every event, so a crash between the two writes heals on the replay. Refund requests also open their
 * refund view.
 */
@Component
class PaymentHistoryProjection implements RebuildableProjection {

    private static final IdGuard SEQUENCE_GUARD = new IdGuard("lastSequence");
    private static final IdGuard VERSION_GUARD = new IdGuard("version");

    static final String NAME = "payment-history";
    static final String VIEWS = "payment_views";
    static final String ACCOUNTS = "account_payments";
    /** Writers of one document race only on a rebalance; a few rounds settle it. */
    private static final int WRITE_ATTEMPTS_MAX = 5;

    /** The copy in use, resolved on every call (a rebuilt copy takes over in one step). */
    private final ProjectionCollections collections;
    private final RefundViews refunds;
    private final PaymentProperties properties;

    PaymentHistoryProjection(ProjectionStore projections, RefundViews refunds, PaymentProperties properties) {
        this.collections = projections.live(NAME);
        this.refunds = refunds;
        this.properties = properties;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<String> collectionNames() {
        return List.of(VIEWS, ACCOUNTS);
    }

    @Override
    public ProjectionCollections collections() {
        return collections;
    }

    @Override
    public Collection<String> topics() {
        return List.of(Topics.PAYMENTS);
    }

    /**
     * Also opens the refund view of a refund request. That view is not part of this projection's copy, but the
     * write is an idempotent upsert of the request's own fields, so a rebuild repeating it changes nothing
     * (and the events a rebuild consumes after the live consumer stopped still reach it).
     */
    @Override
    public void handle(ReceivedEvent event, ProjectionCollections into) {
        String paymentId = paymentId(event);
        if (paymentId == null) {
            return;
        }
        MongoCollection<Document> views = into.collection(VIEWS);
        PaymentView current = payment(views, paymentId).orElse(null);
        PaymentView next = fold(current, event);
        if (next != null) {
            save(views, current, next);
        }
        PaymentView latest = next != null ? next : current;
        if (latest != null && latest.accountId() != null) {
            copyToAccount(into.collection(ACCOUNTS), latest);
        }
        if (event.payload() instanceof RefundRequested requested) {
            refunds.requested(requested);
        }
    }

    private static String paymentId(ReceivedEvent event) {
        Object payload = event.payload();
        if (payload instanceof PaymentRecorded recorded) {
            return recorded.paymentId();
        }
        if (payload instanceof UnappliedPaymentReceived unapplied) {
            return unapplied.paymentId();
        }
        if (payload instanceof PaymentAssigned assigned) {
            return assigned.paymentId();
        }
        if (payload instanceof PaymentReversed reversed) {
            return reversed.paymentId();
        }
        if (payload instanceof RefundReleased released) {
            return released.paymentId();
        }
        return payload instanceof RefundRequested requested ? requested.paymentId() : null;
    }

    /** The view after the event, or null when the view already holds it. */
    private static PaymentView fold(PaymentView current, ReceivedEvent event) {
        if (current != null && (event.sequence() <= current.lastSequence() || event.sequence() == 0)) {
            return null;
        }
        if (current == null && event.sequence() > 0) {
            // The gate hands events over in sequence order, so a later event always finds its payment.
            throw new IllegalStateException("event " + event.eventId() + " at sequence " + event.sequence()
                    + " of payment " + event.aggregateId() + " arrived before the payment's first event");
        }
        long sequence = event.sequence();
        Object payload = event.payload();
        if (payload instanceof PaymentRecorded recorded) {
            return PaymentView.of(recorded, event);
        }
        if (payload instanceof UnappliedPaymentReceived unapplied) {
            return PaymentView.of(unapplied, event);
        }
        if (payload instanceof PaymentAssigned assigned) {
            return current.assigned(assigned, sequence);
        }
        if (payload instanceof PaymentReversed reversed) {
            return current.reversed(reversed, sequence);
        }
        if (payload instanceof RefundReleased released) {
            return current.refundReleased(released, sequence);
        }
        return current.refundRequested((RefundRequested) payload, sequence);
    }

    private static void save(MongoCollection<Document> views, PaymentView current, PaymentView next) {
        if (current == null) {
            try {
                views.insertOne(next.toDocument().append("_id", next.paymentId()));
                return;
            } catch (MongoWriteException e) {
                if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                    throw e;
                }
                throw new IllegalStateException("payment " + next.paymentId() + " was written concurrently", e);
            }
        }
        long replaced = views.replaceOne(SEQUENCE_GUARD.on(views, next.paymentId(), current.lastSequence()),
                next.toDocument().append("_id", next.paymentId())).getModifiedCount();
        if (replaced != 1) {
            throw new IllegalStateException("payment " + next.paymentId() + " changed while event "
                    + next.lastSequence() + " was folded in");
        }
    }

    private void copyToAccount(MongoCollection<Document> accounts, PaymentView view) {
        for (int attempt = 0; attempt < WRITE_ATTEMPTS_MAX; attempt++) {
            Document account = accounts.find(Filters.eq("_id", view.accountId())).first();
            if (account == null ? insertFirst(accounts, view) : replaceOrAppend(accounts, account, view)) {
                return;
            }
        }
        throw new IllegalStateException("account " + view.accountId() + " payments kept changing while payment "
                + view.paymentId() + " was copied");
    }

    private static boolean insertFirst(MongoCollection<Document> accounts, PaymentView view) {
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

    /** True when the account holds this view (or a later one) afterwards, false when another writer got in between. */
    private boolean replaceOrAppend(MongoCollection<Document> accounts, Document account, PaymentView view) {
        List<Document> payments = new ArrayList<>(account.getList("payments", Document.class, List.of()));
        int index = indexOf(payments, view.paymentId());
        if (index >= 0 && payments.get(index).get("lastSequence", 0L) >= view.lastSequence()) {
            return true;
        }
        if (index < 0 && payments.size() >= properties.paymentsPerAccountMax()) {
            // Failing sends the event to the dead-letter topic, to be replayed once the limit is raised.
            throw new IllegalStateException("account " + view.accountId() + " already holds "
                    + properties.paymentsPerAccountMax() + " payments; raise premium.payment.payments-per-account-max");
        }
        if (index >= 0) {
            payments.set(index, view.toDocument());
        } else {
            payments.add(view.toDocument());
        }
        long version = account.getLong("version");
        return accounts.replaceOne(VERSION_GUARD.on(accounts, view.accountId(), version),
                new Document("_id", view.accountId()).append("version", version + 1).append("payments", payments))
                .getModifiedCount() == 1;
    }

    private static int indexOf(List<Document> payments, String paymentId) {
        for (int i = 0; i < payments.size(); i++) {
            if (paymentId.equals(payments.get(i).getString("paymentId"))) {
                return i;
            }
        }
        return -1;
    }

    Optional<PaymentView> payment(String paymentId) {
        return payment(collections.collection(VIEWS), paymentId);
    }

    private static Optional<PaymentView> payment(MongoCollection<Document> views, String paymentId) {
        return Optional.ofNullable(views.find(Filters.eq("_id", paymentId)).first()).map(PaymentView::fromDocument);
    }

    /** The account's payments in the order they reached it, or empty when none ever did. */
    Optional<List<PaymentView>> accountPayments(String accountId) {
        Document account = collections.collection(ACCOUNTS).find(Filters.eq("_id", accountId)).first();
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
