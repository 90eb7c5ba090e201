package com.premiumledger.billing.accounting;

import com.mongodb.client.MongoDatabase;
import com.premiumledger.billing.support.ViewDocuments;
import com.premiumledger.events.Topics;
import com.premiumledger.platform.consumer.EventStreamHandler;
import com.premiumledger.platform.consumer.ReceivedEvent;
import java.util.Collection;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Posts every billing and payment event as balanced double entries into {@code posting_streams}, one
 * document per aggregate stream. The platform hands each stream's events in order; the document's
 * {@code lastSequence} is both the replay guard and the write condition, so an event posts exactly once.
 */
@Component
class PostingsProjection implements EventStreamHandler {

    static final String COLLECTION = "posting_streams";

    private final ViewDocuments<PostingStream> documents;

    PostingsProjection(MongoDatabase database) {
        this.documents = new ViewDocuments<>(database.getCollection(COLLECTION), PostingStream.class);
    }

    @Override
    public String name() {
        return "postings";
    }

    @Override
    public Collection<String> topics() {
        return List.of(Topics.BILLING, Topics.PAYMENTS);
    }

    @Override
    public boolean handlesBatches() {
        return true;
    }

    /** A batch in one read and one bulk write; should a guard not hold, event by event (which skips the done). */
    @Override
    public void handleAll(List<ReceivedEvent> events) {
        boolean stored = documents.foldAll(events,
                event -> !EventPostings.of(event.payload(), event.envelope().time()).postings().isEmpty(),
                PostingStream::lastSequence, (before, event) -> {
                    PostingStream after = (before == null ? PostingStream.empty(event.aggregateId()) : before)
                            .posted(EventPostings.of(event.payload(), event.envelope().time()), event.sequence());
                    after.checkBalanced();
                    return after;
                });
        if (!stored) {
            events.forEach(this::handle);
        }
    }

    @Override
    public void handle(ReceivedEvent event) {
        EventPostings.Entry entry = EventPostings.of(event.payload(), event.envelope().time());
        if (entry.postings().isEmpty()) {
            return;
        }
        PostingStream before = documents.find(event.aggregateId()).orElse(null);
        if (before != null && event.sequence() <= before.lastSequence()) {
            return;
        }
        PostingStream after = (before == null ? PostingStream.empty(event.aggregateId()) : before)
                .posted(entry, event.sequence());
        after.checkBalanced();
        documents.save(event.aggregateId(), before == null ? null : before.lastSequence(), after);
    }
}
