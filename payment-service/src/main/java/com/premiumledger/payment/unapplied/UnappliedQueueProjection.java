package com.premiumledger.payment.unapplied;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import com.premiumledger.events.PaymentAssigned;
import com.premiumledger.events.PaymentReversed;
import com.premiumledger.events.Topics;
import com.premiumledger.events.UnappliedPaymentReceived;
import com.premiumledger.payment.PaymentProperties;
import com.premiumledger.platform.consumer.EventStreamHandler;
import com.premiumledger.platform.consumer.ReceivedEvent;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.springframework.stereotype.Component;

/**
 * The unapplied queue from premium.payments.v1: {@code unapplied_payments} (one document per payment that came
 * in unmatched) and one index document in {@code unapplied_queue} listing, oldest first, the ids still waiting.
 * A payment leaves the index when it is assigned or reversed. {@code $addToSet} and {@code $pull} make the
 * event a crash replays change nothing, and every read is by {@code _id} or {@code $in} on it.
 */
@Component
class UnappliedQueueProjection implements EventStreamHandler {

    static final String PAYMENTS = "unapplied_payments";
    static final String QUEUE = "unapplied_queue";
    static final String QUEUE_ID = "unapplied";

    private final MongoCollection<Document> payments;
    private final MongoCollection<Document> queue;
    private final PaymentProperties properties;

    UnappliedQueueProjection(MongoDatabase database, PaymentProperties properties) {
        this.payments = database.getCollection(PAYMENTS);
        this.queue = database.getCollection(QUEUE);
        this.properties = properties;
    }

    @Override
    public String name() {
        return "unapplied-queue";
    }

    @Override
    public Collection<String> topics() {
        return List.of(Topics.PAYMENTS);
    }

    @Override
    public void handle(ReceivedEvent event) {
        if (event.payload() instanceof UnappliedPaymentReceived received) {
            enqueue(received, event);
        } else if (event.payload() instanceof PaymentAssigned assigned) {
            dequeue(assigned.paymentId(), "ASSIGNED");
        } else if (event.payload() instanceof PaymentReversed reversed && reversed.accountId() == null) {
            dequeue(reversed.paymentId(), "REVERSED");
        }
    }

    private void enqueue(UnappliedPaymentReceived received, ReceivedEvent event) {
        payments.updateOne(Filters.eq("_id", received.paymentId()), Updates.combine(
                        Updates.setOnInsert("quotedAccountNumber", received.quotedAccountNumber()),
                        Updates.setOnInsert("amountCents", received.amountCents()),
                        Updates.setOnInsert("method", received.method()),
                        Updates.setOnInsert("channel", received.channel()),
                        Updates.setOnInsert("reference", received.reference()),
                        Updates.setOnInsert("receivedDate", received.receivedDate().toString()),
                        Updates.setOnInsert("recordedBy", received.recordedBy()),
                        Updates.setOnInsert("eventId", event.eventId()),
                        Updates.setOnInsert("status", "UNAPPLIED")),
                new UpdateOptions().upsert(true));
        List<String> waiting = waitingIds();
        if (!waiting.contains(received.paymentId()) && waiting.size() >= properties.unappliedQueueMax()) {
            // Failing sends the event to the dead-letter topic, to be replayed once the limit is raised.
            throw new IllegalStateException("the unapplied queue already holds " + waiting.size()
                    + " payments; raise premium.payment.unapplied-queue-max");
        }
        queue.updateOne(Filters.eq("_id", QUEUE_ID), Updates.addToSet("paymentIds", received.paymentId()),
                new UpdateOptions().upsert(true));
    }

    private void dequeue(String paymentId, String status) {
        queue.updateOne(Filters.eq("_id", QUEUE_ID), Updates.pull("paymentIds", paymentId));
        payments.updateOne(Filters.eq("_id", paymentId), Updates.set("status", status));
    }

    /** The ids waiting, oldest first. */
    List<String> waitingIds() {
        Document index = queue.find(Filters.eq("_id", QUEUE_ID)).first();
        return index == null ? List.of() : index.getList("paymentIds", String.class, List.of());
    }

    /** The given payments, in the order asked. */
    List<UnappliedPayment> payments(List<String> paymentIds) {
        Map<String, UnappliedPayment> found = new HashMap<>();
        for (Document document : payments.find(Filters.in("_id", paymentIds))) {
            UnappliedPayment payment = UnappliedPayment.fromDocument(document);
            found.put(payment.paymentId(), payment);
        }
        return paymentIds.stream().map(found::get).filter(payment -> payment != null).toList();
    }
}
