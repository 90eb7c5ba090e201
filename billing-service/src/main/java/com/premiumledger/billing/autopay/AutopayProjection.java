package com.premiumledger.billing.autopay;

import com.mongodb.client.MongoDatabase;
import com.premiumledger.billing.support.ViewDocuments;
import com.premiumledger.events.AutopayCancelled;
import com.premiumledger.events.AutopayEnrolled;
import com.premiumledger.events.AutopayFailed;
import com.premiumledger.events.LedgerEvent;
import com.premiumledger.events.Topics;
import com.premiumledger.platform.consumer.EventStreamHandler;
import com.premiumledger.platform.consumer.ReceivedEvent;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * Each account's autopay status in {@code autopay_statuses} ({@code _id} = account id), from the account's own
 * stream. The document's {@code lastSequence} skips an event that comes again, also after later ones (an old
 * enrolment repeated after a cancellation must not enrol again). The collection replaced {@code autopay_views},
 * whose documents had no such guard; the processing group reads the topic from its start and fills it.
 */
@Component
class AutopayProjection implements EventStreamHandler {

    static final String COLLECTION = "autopay_statuses";

    private static final Set<Class<? extends LedgerEvent>> TYPES = Set.of(AutopayEnrolled.class,
            AutopayCancelled.class, AutopayFailed.class);

    private final ViewDocuments<AutopayStatus> documents;

    AutopayProjection(MongoDatabase database) {
        this.documents = new ViewDocuments<>(database.getCollection(COLLECTION), AutopayStatus.class);
    }

    /** A pure projection of its own documents: a replay-only copy builds it too. */
    @Override
    public boolean replayable() {
        return true;
    }

    @Override
    public String name() {
        return "autopay-views";
    }

    @Override
    public List<String> topics() {
        return List.of(Topics.BILLING);
    }

    @Override
    public Set<Class<? extends LedgerEvent>> eventTypes() {
        return TYPES;
    }

    /** A batch in one read and one bulk write; should a guard not hold, event by event (which skips the done). */
    @Override
    public void handleAll(List<ReceivedEvent> events) {
        if (!documents.foldAll(events, AutopayProjection::isAutopayEvent, AutopayStatus::lastSequence,
                AutopayProjection::fold).stored()) {
            events.forEach(this::handle);
        }
    }

    @Override
    public void handle(ReceivedEvent event) {
        if (!isAutopayEvent(event)) {
            return;
        }
        AutopayStatus before = documents.find(event.aggregateId()).orElse(null);
        if (before != null && event.sequence() <= before.lastSequence()) {
            return;
        }
        documents.save(event.aggregateId(), before == null ? null : before.lastSequence(), fold(before, event));
    }

    private static boolean isAutopayEvent(ReceivedEvent event) {
        return TYPES.contains(event.payload().getClass());
    }

    /** The status after {@code event}; {@code before} is null before the account's first autopay event. */
    private static AutopayStatus fold(AutopayStatus before, ReceivedEvent event) {
        AutopayStatus status = before == null ? AutopayStatus.none() : before;
        if (event.payload() instanceof AutopayEnrolled enrolled) {
            return status.enrolled(enrolled.method(), enrolled.lastFour(), enrolled.businessDate(), event.sequence());
        }
        if (event.payload() instanceof AutopayCancelled) {
            return status.cancelled(event.sequence());
        }
        AutopayFailed failed = (AutopayFailed) event.payload();
        return status.failed(new AutopayStatus.Failure(failed.billId(), failed.amountCents(), failed.reason()),
                event.sequence());
    }

    Optional<AutopayView> find(String accountId) {
        return documents.find(accountId).map(status -> status.toView(accountId));
    }

    ViewDocuments<AutopayStatus> documents() {
        return documents;
    }
}
