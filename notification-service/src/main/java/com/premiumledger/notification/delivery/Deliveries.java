package com.premiumledger.notification.delivery;

import com.mongodb.bulk.BulkWriteResult;
import com.mongodb.bulk.BulkWriteUpsert;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import com.mongodb.client.model.WriteModel;
import com.premiumledger.platform.store.IdGuard;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.bson.Document;
import org.bson.types.Binary;
import org.springframework.stereotype.Component;

/**
 * The delivery of each notice and the queue that drives it.
 *
 * <ul>
 *   <li>{@code notice_deliveries} ({@code _id} = notice id): channel, recipient, the rendered text, status,
 *   attempts, last error, delivered time, and the letter that went instead of a failed email or SMS.</li>
 *   <li>{@code delivery_queue} ({@code _id} = notice id): only the notices still to deliver, each with the
 *   time it is due and a lease. An instance claims one with a single {@code findOneAndUpdate} that takes the
 *   lease, so two instances never deliver the same notice at once; the queue stays as small as the backlog,
 *   so its one non-{@code _id} query never scans more than that.</li>
 *   <li>{@code notice_letters} ({@code _id} = notice id): the PDF of each letter.</li>
 * </ul>
 */
@Component
class Deliveries {

    private static final IdGuard STATUS_GUARD = new IdGuard("status");
    private static final IdGuard OWNER_GUARD = new IdGuard("owner");

    static final String DELIVERIES = "notice_deliveries";
    static final String QUEUE = "delivery_queue";
    static final String LETTERS = "notice_letters";

    private final MongoCollection<Document> deliveries;
    private final MongoCollection<Document> queue;
    private final MongoCollection<Document> letters;

    Deliveries(MongoDatabase database) {
        this.deliveries = database.getCollection(DELIVERIES);
        this.queue = database.getCollection(QUEUE);
        this.letters = database.getCollection(LETTERS);
    }

    /** The status of each notice whose delivery is recorded, in one read; a notice not yet recorded is absent. */
    Map<String, DeliveryStatus> statuses(Collection<String> noticeIds) {
        Map<String, DeliveryStatus> found = new HashMap<>();
        if (noticeIds.isEmpty()) {
            return found;
        }
        for (Document document : deliveries.find(Filters.in("_id", List.copyOf(noticeIds)))
                .projection(new Document("status", 1))) {
            found.put(document.getString("_id"), DeliveryStatus.valueOf(document.getString("status")));
        }
        return found;
    }

    /**
     * Records the deliveries in one bulk write, each only if none is recorded for its notice (the first record
     * wins); returns the notices recorded by this call, which are pending.
     */
    Set<String> recordAll(List<Delivery> pending, Instant now) {
        if (pending.isEmpty()) {
            return Set.of();
        }
        List<WriteModel<Document>> writes = new ArrayList<>(pending.size());
        for (Delivery delivery : pending) {
            writes.add(new UpdateOneModel<>(Filters.eq("_id", delivery.noticeId()),
                    new Document("$setOnInsert", toDocument(delivery, now)), new UpdateOptions().upsert(true)));
        }
        BulkWriteResult result = deliveries.bulkWrite(writes, new BulkWriteOptions().ordered(false));
        Set<String> recorded = new LinkedHashSet<>();
        for (BulkWriteUpsert upsert : result.getUpserts()) {
            recorded.add(pending.get(upsert.getIndex()).noticeId());
        }
        return recorded;
    }

    /** Queues pending notices in one bulk write; a notice already queued keeps its due time and lease. */
    void queueAll(Collection<String> noticeIds, Instant now) {
        if (noticeIds.isEmpty()) {
            return;
        }
        List<WriteModel<Document>> writes = new ArrayList<>(noticeIds.size());
        for (String noticeId : noticeIds) {
            writes.add(new UpdateOneModel<>(Filters.eq("_id", noticeId), new Document("$setOnInsert",
                    new Document("dueAt", Date.from(now)).append("leaseUntil", Date.from(Instant.EPOCH))),
                    new UpdateOptions().upsert(true)));
        }
        queue.bulkWrite(writes, new BulkWriteOptions().ordered(false));
    }

    private static Document toDocument(Delivery delivery, Instant now) {
        return new Document("accountId", delivery.accountId())
                .append("type", delivery.type())
                .append("channel", delivery.channel())
                .append("recipient", delivery.recipient())
                .append("language", delivery.language())
                .append("subject", delivery.subject())
                .append("body", delivery.body())
                .append("letterBody", delivery.letterBody())
                .append("status", DeliveryStatus.PENDING.name())
                .append("attempts", 0)
                .append("queuedAt", Date.from(now));
    }

    /** Takes the lease on one due notice, or empty when none is due. */
    Optional<String> claim(String owner, Instant now, Instant leaseUntil) {
        Document claimed = queue.findOneAndUpdate(
                Filters.and(Filters.lte("dueAt", Date.from(now)), Filters.lte("leaseUntil", Date.from(now))),
                Updates.combine(Updates.set("leaseUntil", Date.from(leaseUntil)), Updates.set("owner", owner)),
                new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER));
        return Optional.ofNullable(claimed).map(document -> document.getString("_id"));
    }

    Optional<Delivery> find(String noticeId) {
        return Optional.ofNullable(deliveries.find(Filters.eq("_id", noticeId)).first()).map(Deliveries::toDelivery);
    }

    Map<String, Delivery> findAll(Collection<String> noticeIds) {
        Map<String, Delivery> found = new HashMap<>();
        for (Document document : deliveries.find(Filters.in("_id", List.copyOf(noticeIds)))) {
            Delivery delivery = toDelivery(document);
            found.put(delivery.noticeId(), delivery);
        }
        return found;
    }

    /** Marks a pending delivery sent; false when it was not pending any more (another instance finished it). */
    boolean sent(String noticeId, Instant now) {
        return deliveries.updateOne(STATUS_GUARD.on(deliveries, noticeId, DeliveryStatus.PENDING.name()),
                Updates.combine(Updates.set("status", DeliveryStatus.SENT.name()), Updates.inc("attempts", 1),
                        Updates.set("deliveredAt", Date.from(now)), Updates.unset("lastError")))
                .getModifiedCount() == 1;
    }

    /** Counts a failed attempt and puts the notice back in the queue, due again at {@code retryAt}. */
    void retryLater(String noticeId, String owner, String error, Instant retryAt) {
        deliveries.updateOne(Filters.eq("_id", noticeId),
                Updates.combine(Updates.inc("attempts", 1), Updates.set("lastError", error)));
        queue.updateOne(OWNER_GUARD.on(queue, noticeId, owner),
                Updates.combine(Updates.set("dueAt", Date.from(retryAt)),
                        Updates.set("leaseUntil", Date.from(Instant.EPOCH))));
    }

    /** The last attempt failed: FAILED, with the letter that went instead. */
    boolean failed(String noticeId, String error, Instant now) {
        return deliveries.updateOne(STATUS_GUARD.on(deliveries, noticeId, DeliveryStatus.PENDING.name()),
                Updates.combine(Updates.set("status", DeliveryStatus.FAILED.name()), Updates.inc("attempts", 1),
                        Updates.set("lastError", error), Updates.set("failedAt", Date.from(now)),
                        Updates.set("fallback", new Document("channel", "LETTER").append("status", "SENT")
                                .append("deliveredAt", Date.from(now)))))
                .getModifiedCount() == 1;
    }

    void dequeue(String noticeId) {
        queue.deleteOne(Filters.eq("_id", noticeId));
    }

    void storeLetter(String noticeId, byte[] pdf, Instant now) {
        letters.updateOne(Filters.eq("_id", noticeId), new Document("$setOnInsert",
                new Document("pdf", new Binary(pdf)).append("createdAt", Date.from(now))),
                new UpdateOptions().upsert(true));
    }

    Optional<byte[]> letter(String noticeId) {
        return Optional.ofNullable(letters.find(Filters.eq("_id", noticeId)).first())
                .map(document -> document.get("pdf", Binary.class).getData());
    }

    private static Delivery toDelivery(Document document) {
        Document fallback = document.get("fallback", Document.class);
        Date deliveredAt = document.getDate("deliveredAt");
        return new Delivery(document.getString("_id"), document.getString("accountId"), document.getString("type"),
                document.getString("channel"), document.getString("recipient"), document.getString("language"),
                document.getString("subject"), document.getString("body"), document.getString("letterBody"),
                DeliveryStatus.valueOf(document.getString("status")), document.getInteger("attempts", 0),
                deliveredAt == null ? null : deliveredAt.toInstant(), document.getString("lastError"),
                fallback == null ? null : fallback.getString("channel"),
                fallback == null ? null : fallback.getDate("deliveredAt").toInstant(),
                fallback == null ? null : document.getString("letterBody"));
    }
}
