package com.premiumledger.payment.unapplied;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import com.mongodb.client.model.WriteModel;
import com.premiumledger.events.LedgerEvent;
import com.premiumledger.events.PaymentAssigned;
import com.premiumledger.events.PaymentReversed;
import com.premiumledger.events.Topics;
import com.premiumledger.events.UnappliedPaymentReceived;
import com.premiumledger.payment.PaymentProperties;
import com.premiumledger.platform.consumer.EventStreamHandler;
import com.premiumledger.platform.consumer.ReceivedEvent;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.springframework.stereotype.Component;

/**
 * The unapplied queue from premium.payments.v1: {@code unapplied_payments} (one document per payment that came
 * in unmatched) and one index document in {@code unapplied_queue} listing, oldest first, the ids still waiting.
 * A payment leaves the index when it is assigned or reversed, which ends it here (an assigned payment has an
 * account, so its later reversal is not an unapplied one). The payment's status is the guard: a redelivered
 * arrival, or one repeated after the payment left, queues nothing; a redelivered departure finds the payment
 * gone from the queue. Each batch is one read and one write per collection; every read is by {@code _id} or
 * {@code $in} on it.
 */
@Component
class UnappliedQueueProjection implements EventStreamHandler {

    static final String PAYMENTS = "unapplied_payments";
    static final String QUEUE = "unapplied_queue";
    static final String QUEUE_ID = "unapplied";
    private static final String UNAPPLIED = "UNAPPLIED";

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
    public Set<Class<? extends LedgerEvent>> eventTypes() {
        return Set.of(UnappliedPaymentReceived.class, PaymentAssigned.class, PaymentReversed.class);
    }

    @Override
    public void handle(ReceivedEvent event) {
        handleAll(List.of(event));
    }

    @Override
    public void handleAll(List<ReceivedEvent> events) {
        Set<String> paymentIds = new LinkedHashSet<>();
        for (ReceivedEvent event : events) {
            String paymentId = paymentId(event.payload());
            if (paymentId != null) {
                paymentIds.add(paymentId);
            }
        }
        if (paymentIds.isEmpty()) {
            return;
        }
        Batch batch = new Batch(statuses(paymentIds), new LinkedHashSet<>(waitingIds()));
        for (ReceivedEvent event : events) {
            batch.apply(event);
        }
        write(batch);
    }

    /** The payment an event moves in or out of the queue; null for a reversal of an assigned payment. */
    private static String paymentId(LedgerEvent payload) {
        if (payload instanceof UnappliedPaymentReceived received) {
            return received.paymentId();
        }
        if (payload instanceof PaymentAssigned assigned) {
            return assigned.paymentId();
        }
        return payload instanceof PaymentReversed reversed && reversed.accountId() == null
                ? reversed.paymentId() : null;
    }

    private Map<String, String> statuses(Set<String> paymentIds) {
        Map<String, String> statuses = new HashMap<>();
        for (Document document : payments.find(Filters.in("_id", paymentIds))) {
            statuses.put(document.getString("_id"), document.getString("status"));
        }
        return statuses;
    }

    /** What one batch does: the payments' writes, merged per payment, and the queue's net change. */
    private final class Batch {

        private final Map<String, String> statuses;
        private final Set<String> waiting;
        /** Per payment: its arrival's fields (empty: already stored) and the status it ends the batch in. */
        private final Map<String, List<Bson>> arrivals = new LinkedHashMap<>();
        private final Map<String, String> statusWrites = new LinkedHashMap<>();
        private final Set<String> added = new LinkedHashSet<>();
        private final Set<String> pulled = new LinkedHashSet<>();

        Batch(Map<String, String> statuses, Set<String> waiting) {
            this.statuses = statuses;
            this.waiting = waiting;
        }

        void apply(ReceivedEvent event) {
            LedgerEvent payload = event.payload();
            if (payload instanceof UnappliedPaymentReceived received) {
                enqueue(received, event);
            } else if (payload instanceof PaymentAssigned assigned) {
                dequeue(assigned.paymentId(), "ASSIGNED");
            } else if (payload instanceof PaymentReversed reversed && reversed.accountId() == null) {
                dequeue(reversed.paymentId(), "REVERSED");
            }
        }

        /**
         * Queues a payment not seen yet, or one still UNAPPLIED that the queue lost (a crash between the writes).
         * {@code added} and {@code pulled} are the net change to the queue as read, so they never share an id.
         */
        private void enqueue(UnappliedPaymentReceived received, ReceivedEvent event) {
            String paymentId = received.paymentId();
            String status = statuses.get(paymentId);
            if (status != null && !status.equals(UNAPPLIED)) {
                return;
            }
            if (status == null) {
                arrivals.put(paymentId, arrival(received, event));
                statusWrites.put(paymentId, UNAPPLIED);
                statuses.put(paymentId, UNAPPLIED);
            }
            if (!waiting.contains(paymentId) && waiting.size() >= properties.unappliedQueueMax()) {
                // Failing sends the event to the dead-letter topic, to be replayed once the limit is raised.
                throw new IllegalStateException("the unapplied queue already holds " + waiting.size()
                        + " payments; raise premium.payment.unapplied-queue-max");
            }
            if (waiting.add(paymentId) && !pulled.remove(paymentId)) {
                added.add(paymentId);
            }
        }

        /** Takes the payment out of the queue if it is there; its status moves once. */
        private void dequeue(String paymentId, String status) {
            if (waiting.remove(paymentId) && !added.remove(paymentId)) {
                pulled.add(paymentId);
            }
            if (UNAPPLIED.equals(statuses.get(paymentId))) {
                statusWrites.put(paymentId, status);
                statuses.put(paymentId, status);
            }
        }
    }

    private static List<Bson> arrival(UnappliedPaymentReceived received, ReceivedEvent event) {
        return List.of(Updates.setOnInsert("quotedAccountNumber", received.quotedAccountNumber()),
                Updates.setOnInsert("amountCents", received.amountCents()),
                Updates.setOnInsert("method", received.method()),
                Updates.setOnInsert("channel", received.channel()),
                Updates.setOnInsert("reference", received.reference()),
                Updates.setOnInsert("receivedDate", received.receivedDate().toString()),
                Updates.setOnInsert("recordedBy", received.recordedBy()),
                Updates.setOnInsert("eventId", event.eventId()));
    }

    /**
     * The queue first: a crash before the payments' write leaves statuses that make the redelivery do it again.
     * Both queue updates are one bulk write: they never touch the same id, so their order does not matter.
     * A payment's arrival and departure in one batch merge into one update with the status it ends in.
     */
    private void write(Batch batch) {
        List<WriteModel<Document>> queueWrites = new ArrayList<>();
        if (!batch.added.isEmpty()) {
            queueWrites.add(new UpdateOneModel<>(Filters.eq("_id", QUEUE_ID),
                    Updates.addEachToSet("paymentIds", List.copyOf(batch.added)), new UpdateOptions().upsert(true)));
        }
        if (!batch.pulled.isEmpty()) {
            queueWrites.add(new UpdateOneModel<>(Filters.eq("_id", QUEUE_ID),
                    Updates.pullAll("paymentIds", List.copyOf(batch.pulled))));
        }
        if (!queueWrites.isEmpty()) {
            queue.bulkWrite(queueWrites, new BulkWriteOptions().ordered(false));
        }
        List<WriteModel<Document>> paymentWrites = new ArrayList<>();
        batch.statusWrites.forEach((paymentId, status) -> {
            List<Bson> update = new ArrayList<>(batch.arrivals.getOrDefault(paymentId, List.of()));
            update.add(Updates.set("status", status));
            paymentWrites.add(new UpdateOneModel<>(Filters.eq("_id", paymentId), Updates.combine(update),
                    new UpdateOptions().upsert(true)));
        });
        if (!paymentWrites.isEmpty()) {
            payments.bulkWrite(paymentWrites, new BulkWriteOptions().ordered(false));
        }
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
