package com.premiumledger.billing.support;

import com.premiumledger.events.AccountOpened;
import com.premiumledger.events.BillIssued;
import com.premiumledger.events.CreditApplied;
import com.premiumledger.events.CreditRefunded;
import com.premiumledger.events.LedgerEvent;
import com.premiumledger.events.PaymentApplied;
import com.premiumledger.events.PaymentMissed;
import com.premiumledger.events.PaymentReversalApplied;
import com.premiumledger.events.RefundRejected;
import com.premiumledger.events.Topics;
import com.premiumledger.platform.consumer.ReceivedEvent;
import com.premiumledger.platform.rebuild.ProjectionCollections;
import com.premiumledger.platform.rebuild.RebuildableProjection;
import java.util.Collection;
import java.util.List;
import java.util.Set;

/**
 * A projection of each account's event stream into one document per account. An account's events first
 * arrive in sequence order, and any may arrive again later; this applies each only if its sequence is past
 * the document's {@code lastSequence}, and writes with that sequence as a guard, so a repeated event (even
 * after later ones) changes nothing.
 */
public abstract class AccountStreamProjection<V> implements RebuildableProjection {

    /** The events of an account's stream that its views show (a rejected refund moves no money, but is shown). */
    private static final Set<Class<? extends LedgerEvent>> ACCOUNT_EVENT_TYPES = Set.of(AccountOpened.class,
            BillIssued.class, PaymentApplied.class, PaymentMissed.class, CreditApplied.class,
            PaymentReversalApplied.class, CreditRefunded.class, RefundRejected.class);

    private final ProjectionCollections collections;
    private final String collectionName;
    private final Class<V> viewClass;
    private final ViewDocuments<V> documents;

    /**
     * A projection into the one collection {@code collectionName}, resolved through {@code collections} (the
     * platform's {@link com.premiumledger.platform.rebuild.ProjectionStore#live}) so that it can be rebuilt.
     */
    protected AccountStreamProjection(ProjectionCollections collections, String collectionName, Class<V> viewClass) {
        this.collections = collections;
        this.collectionName = collectionName;
        this.viewClass = viewClass;
        this.documents = new ViewDocuments<>(() -> collections.collection(collectionName), viewClass);
    }

    @Override
    public List<String> collectionNames() {
        return List.of(collectionName);
    }

    @Override
    public ProjectionCollections collections() {
        return collections;
    }

    /** The view after {@code event}; {@code before} is null only for the account's first event. */
    protected abstract V fold(V before, ReceivedEvent event);

    protected abstract long lastSequence(V view);

    /**
     * Called with the events just applied to the live copy (never to a copy being rebuilt): each at most once,
     * because only the write that moved the guard past it reports it. Should two writers race on one account
     * (two instances while partitions move), a batch whose bulk write was partly refused reports only what its
     * event-by-event retry stored: an event can go unreported then, never reported twice.
     */
    protected void appliedLive(List<ReceivedEvent> events) {
    }

    @Override
    public Collection<String> topics() {
        return List.of(Topics.BILLING);
    }

    @Override
    public Set<Class<? extends LedgerEvent>> eventTypes() {
        return ACCOUNT_EVENT_TYPES;
    }

    @Override
    public void handle(ReceivedEvent event, ProjectionCollections into) {
        if (!isAccountEvent(event)) {
            return;
        }
        ViewDocuments<V> documents = documentsIn(into);
        String accountId = event.aggregateId();
        V before = documents.find(accountId).orElse(null);
        if (before != null && event.sequence() <= lastSequence(before)) {
            return;
        }
        boolean saved = documents.save(accountId, before == null ? null : lastSequence(before),
                foldChecked(before, event));
        if (saved && !into.rebuilding()) {
            appliedLive(List.of(event));
        }
    }

    /**
     * Folds a batch into one read of the accounts it touches and one bulk write of their new views. Should a
     * guard not hold (a view changed meanwhile), the batch is applied again event by event, which skips what
     * is already there.
     */
    @Override
    public void handleAll(List<ReceivedEvent> events, ProjectionCollections into) {
        ViewDocuments.Folded folded = documentsIn(into).foldAll(events, AccountStreamProjection::isAccountEvent,
                this::lastSequence, this::foldChecked);
        if (!folded.stored()) {
            for (ReceivedEvent event : events) {
                handle(event, into);
            }
            return;
        }
        if (!into.rebuilding() && !folded.applied().isEmpty()) {
            appliedLive(folded.applied());
        }
    }

    /** The documents of the copy {@code into}: the live one, or a copy being rebuilt. */
    private ViewDocuments<V> documentsIn(ProjectionCollections into) {
        return into == collections ? documents : new ViewDocuments<>(into.collection(collectionName), viewClass);
    }

    /** {@link #fold}, refusing an account's first event unless it opens the account. */
    private V foldChecked(V before, ReceivedEvent event) {
        if (before == null && !(event.payload() instanceof AccountOpened)) {
            throw new IllegalStateException("account " + event.aggregateId() + " has no view yet, but its event at"
                    + " sequence " + event.sequence() + " is not AccountOpened");
        }
        return fold(before, event);
    }

    private static boolean isAccountEvent(ReceivedEvent event) {
        return isAccountEvent(event.payload());
    }

    /** Whether the views show {@code payload}; shared with the history as of a date, which folds the same way. */
    public static boolean isAccountEvent(LedgerEvent payload) {
        return ACCOUNT_EVENT_TYPES.contains(payload.getClass());
    }

    public ViewDocuments<V> documents() {
        return documents;
    }
}
