package com.premiumledger.payment.history;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.InsertOneModel;
import com.mongodb.client.model.ReplaceOneModel;
import com.mongodb.client.model.WriteModel;
import com.premiumledger.events.LedgerEvent;
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
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
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

    @Override
    public Set<Class<? extends LedgerEvent>> eventTypes() {
        return Set.of(PaymentRecorded.class, UnappliedPaymentReceived.class, PaymentAssigned.class,
                PaymentReversed.class, RefundReleased.class, RefundRequested.class);
    }

    @Override
    public void handle(ReceivedEvent event, ProjectionCollections into) {
        handleAll(List.of(event), into);
    }

    /**
     * Folds a batch with one {@code $in} read and one unordered bulk write per collection. Also opens the refund
     * view of each refund request newly folded in, before the payment's view records it (so the view's
     * {@code lastSequence} means both are done). That view is not part of this projection's copy, but the write
     * is an idempotent upsert of the request's own fields, so a rebuild repeating it changes nothing (and the
     * events a rebuild consumes after the live consumer stopped still reach it). Should a guard not hold (another
     * writer, only in a rebalance), this throws and the platform applies the events one by one, which skips what
     * is stored.
     */
    @Override
    public void handleAll(List<ReceivedEvent> events, ProjectionCollections into) {
        Set<String> paymentIds = new LinkedHashSet<>();
        for (ReceivedEvent event : events) {
            String paymentId = paymentId(event);
            if (paymentId != null) {
                paymentIds.add(paymentId);
            }
        }
        if (paymentIds.isEmpty()) {
            return;
        }
        MongoCollection<Document> views = into.collection(VIEWS);
        Map<String, PaymentView> stored = payments(views, paymentIds);
        Map<String, PaymentView> latest = new LinkedHashMap<>(stored);
        List<WriteModel<Document>> refundWrites = new ArrayList<>();
        for (ReceivedEvent event : events) {
            String paymentId = paymentId(event);
            if (paymentId == null) {
                continue;
            }
            PaymentView next = fold(latest.get(paymentId), event);
            if (next != null) {
                latest.put(paymentId, next);
                if (event.payload() instanceof RefundRequested requested) {
                    refundWrites.add(RefundViews.requested(requested));
                }
            }
        }
        refunds.writeAll(refundWrites);
        saveAll(views, stored, latest);
        copyToAccounts(into.collection(ACCOUNTS), paymentIds.stream().map(latest::get)
                .filter(view -> view != null && view.accountId() != null).toList());
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
            // A payment's events first arrive in sequence order, so a later event always finds its payment.
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

    /** Inserts new views and replaces changed ones, each guarded by the {@code lastSequence} it was read at. */
    private static void saveAll(MongoCollection<Document> views, Map<String, PaymentView> stored,
                                Map<String, PaymentView> latest) {
        List<WriteModel<Document>> writes = new ArrayList<>();
        latest.forEach((paymentId, view) -> {
            PaymentView before = stored.get(paymentId);
            Document document = view.toDocument().append("_id", paymentId);
            if (before == null) {
                writes.add(new InsertOneModel<>(document));
            } else if (before.lastSequence() != view.lastSequence()) {
                writes.add(new ReplaceOneModel<>(SEQUENCE_GUARD.on(views, paymentId, before.lastSequence()),
                        document));
            }
        });
        if (!IdGuard.writeAll(views, writes)) {
            throw new IllegalStateException("payments changed while a batch was folded in");
        }
    }

    /**
     * Refreshes each account's copy of its payments' views (also of views the batch did not change: a crash
     * between the two writes heals on the redelivery), one read and one write for all accounts, each write
     * guarded by the account's {@code version}.
     */
    private void copyToAccounts(MongoCollection<Document> accounts, List<PaymentView> views) {
        if (views.isEmpty()) {
            return;
        }
        Map<String, Document> stored = new HashMap<>();
        Set<String> accountIds = new LinkedHashSet<>();
        views.forEach(view -> accountIds.add(view.accountId()));
        for (Document account : accounts.find(Filters.in("_id", accountIds))) {
            stored.put(account.getString("_id"), account);
        }
        Map<String, List<Document>> payments = new LinkedHashMap<>();
        for (PaymentView view : views) {
            List<Document> list = payments.computeIfAbsent(view.accountId(), id -> new ArrayList<>(
                    stored.containsKey(id) ? stored.get(id).getList("payments", Document.class, List.of())
                            : List.of()));
            replaceOrAppend(list, view);
        }
        List<WriteModel<Document>> writes = new ArrayList<>();
        payments.forEach((accountId, list) -> accountWrite(accounts, stored.get(accountId), accountId, list)
                .ifPresent(writes::add));
        if (!IdGuard.writeAll(accounts, writes)) {
            throw new IllegalStateException("account payments changed while a batch was copied");
        }
    }

    /** The write that stores {@code payments} as the account's next version; empty when nothing changed. */
    private static Optional<WriteModel<Document>> accountWrite(MongoCollection<Document> accounts, Document before,
                                                               String accountId, List<Document> payments) {
        if (before == null) {
            return Optional.of(new InsertOneModel<>(new Document("_id", accountId).append("version", 1L)
                    .append("payments", payments)));
        }
        if (payments.equals(before.getList("payments", Document.class, List.of()))) {
            return Optional.empty();
        }
        long version = before.getLong("version");
        return Optional.of(new ReplaceOneModel<>(VERSION_GUARD.on(accounts, accountId, version),
                new Document("_id", accountId).append("version", version + 1).append("payments", payments)));
    }

    /** Puts the view in the account's list unless it holds it (or a later one) already. */
    private void replaceOrAppend(List<Document> payments, PaymentView view) {
        int index = indexOf(payments, view.paymentId());
        if (index >= 0 && payments.get(index).get("lastSequence", 0L) >= view.lastSequence()) {
            return;
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

    private static Map<String, PaymentView> payments(MongoCollection<Document> views, Set<String> paymentIds) {
        Map<String, PaymentView> found = new HashMap<>();
        for (Document document : views.find(Filters.in("_id", paymentIds))) {
            found.put(document.getString("_id"), PaymentView.fromDocument(document));
        }
        return found;
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
