package com.premiumledger.billing.accounting;

import com.mongodb.client.MongoDatabase;
import com.premiumledger.billing.support.ViewDocuments;
import com.premiumledger.events.BillIssued;
import com.premiumledger.events.CreditApplied;
import com.premiumledger.events.CreditRefunded;
import com.premiumledger.events.LedgerEvent;
import com.premiumledger.events.PaymentApplied;
import com.premiumledger.events.PaymentRecorded;
import com.premiumledger.events.PaymentReversalApplied;
import com.premiumledger.events.PaymentReversed;
import com.premiumledger.events.Topics;
import com.premiumledger.events.UnappliedPaymentReceived;
import com.premiumledger.platform.consumer.EventStreamHandler;
import com.premiumledger.platform.consumer.ReceivedEvent;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * Posts every billing and payment event as balanced double entries into {@code posting_streams}, one
 * document per aggregate stream. A stream's events first arrive in order and may arrive again at any time;
 * the document's {@code lastSequence} is both the replay guard and the write condition, so an event posts
 * exactly once.
 */
@Component
class PostingsProjection implements EventStreamHandler {

    static final String COLLECTION = "posting_streams";

    private static final Set<Class<? extends LedgerEvent>> POSTED_TYPES = Set.of(BillIssued.class,
            PaymentRecorded.class, UnappliedPaymentReceived.class, PaymentApplied.class, CreditApplied.class,
            PaymentReversed.class, PaymentReversalApplied.class, CreditRefunded.class);

    private final ViewDocuments<PostingStream> documents;

    PostingsProjection(MongoDatabase database) {
        this.documents = new ViewDocuments<>(database.getCollection(COLLECTION), PostingStream.class);
    }

    /** A pure projection of its own documents: a replay-only copy builds it too. */
    @Override
    public boolean replayable() {
        return true;
    }

    @Override
    public String name() {
        return "postings";
    }

    @Override
    public Collection<String> topics() {
        return List.of(Topics.BILLING, Topics.PAYMENTS);
    }

    /** Exactly the events {@link EventPostings} posts; nothing else is decoded for this projection. */
    @Override
    public Set<Class<? extends LedgerEvent>> eventTypes() {
        return POSTED_TYPES;
    }

    /** A batch in one read and one bulk write; should a guard not hold, event by event (which skips the done). */
    @Override
    public void handleAll(List<ReceivedEvent> events) {
        // Each event's entry is worked out once, both to pick the events that post and to post them.
        Map<ReceivedEvent, EventPostings.Entry> entries = new IdentityHashMap<>();
        for (ReceivedEvent event : events) {
            entries.put(event, entryOf(event));
        }
        boolean stored = documents.foldAll(events, event -> !entries.get(event).postings().isEmpty(),
                PostingStream::lastSequence, (before, event) -> posted(before, event, entries.get(event))).stored();
        if (!stored) {
            events.forEach(this::handle);
        }
    }

    @Override
    public void handle(ReceivedEvent event) {
        EventPostings.Entry entry = entryOf(event);
        if (entry.postings().isEmpty()) {
            return;
        }
        PostingStream before = documents.find(event.aggregateId()).orElse(null);
        if (before != null && event.sequence() <= before.lastSequence()) {
            return;
        }
        documents.save(event.aggregateId(), before == null ? null : before.lastSequence(),
                posted(before, event, entry));
    }

    private static EventPostings.Entry entryOf(ReceivedEvent event) {
        return EventPostings.of(event.payload(), event.envelope().time());
    }

    /** The stream after {@code entry} (of {@code event}) is posted; {@code before} is null for its first entry. */
    private static PostingStream posted(PostingStream before, ReceivedEvent event, EventPostings.Entry entry) {
        PostingStream after = (before == null ? PostingStream.empty(event.aggregateId()) : before)
                .posted(entry, event.sequence());
        after.checkBalanced();
        return after;
    }
}
