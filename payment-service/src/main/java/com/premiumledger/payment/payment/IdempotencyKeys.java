package com.premiumledger.payment.payment;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import com.premiumledger.events.EventJson;
import java.util.Date;
import java.util.Optional;
import org.bson.Document;
import org.springframework.stereotype.Component;

/**
 * Collection {@code idempotency_keys}, {@code _id} = the key. Every write is guarded by {@code _id} plus what
 * the writer last saw, so two requests racing for one key cannot both win.
 */
@Component
class IdempotencyKeys {

    static final String COLLECTION = "idempotency_keys";
    private static final ObjectMapper JSON = EventJson.mapper();

    private final MongoCollection<Document> keys;

    IdempotencyKeys(MongoDatabase database) {
        this.keys = database.getCollection(COLLECTION);
    }

    Optional<IdempotencyRecord> find(String key) {
        return Optional.ofNullable(keys.find(Filters.eq("_id", key)).first()).map(IdempotencyKeys::fromDocument);
    }

    /** False when another request claimed the key first. */
    boolean tryInsert(IdempotencyRecord record) {
        try {
            keys.insertOne(toDocument(record));
            return true;
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
                return false;
            }
            throw e;
        }
    }

    /** Takes over an expired key; false when another request took it over (or renewed it) first. */
    boolean replaceExpired(IdempotencyRecord record, IdempotencyRecord expired) {
        return keys.replaceOne(Filters.and(Filters.eq("_id", expired.key()),
                        Filters.eq("paymentId", expired.paymentId())), toDocument(record))
                .getModifiedCount() == 1;
    }

    void complete(IdempotencyRecord record, int responseStatus, String responseBody) {
        keys.updateOne(Filters.and(Filters.eq("_id", record.key()), Filters.eq("paymentId", record.paymentId())),
                Updates.combine(
                        Updates.set("state", IdempotencyRecord.State.COMPLETED.name()),
                        Updates.set("responseStatus", responseStatus),
                        Updates.set("responseBody", responseBody)));
    }

    /** Frees a key whose command was refused, so that the client may correct the request and retry it. */
    void release(IdempotencyRecord record) {
        keys.deleteOne(Filters.and(Filters.eq("_id", record.key()), Filters.eq("paymentId", record.paymentId()),
                Filters.eq("state", IdempotencyRecord.State.IN_PROGRESS.name())));
    }

    private static Document toDocument(IdempotencyRecord record) {
        return new Document("_id", record.key())
                .append("requestHash", record.requestHash())
                .append("paymentId", record.paymentId())
                .append("state", record.state().name())
                .append("command", writeJson(record.command()))
                .append("responseStatus", record.responseStatus())
                .append("responseBody", record.responseBody())
                .append("createdAt", Date.from(record.createdAt()))
                .append("expiresAt", Date.from(record.expiresAt()));
    }

    private static IdempotencyRecord fromDocument(Document document) {
        return new IdempotencyRecord(
                document.getString("_id"),
                document.getString("requestHash"),
                document.getString("paymentId"),
                IdempotencyRecord.State.valueOf(document.getString("state")),
                readJson(document.getString("command"), RecordPaymentCommand.class),
                document.getInteger("responseStatus"),
                document.getString("responseBody"),
                document.getDate("createdAt").toInstant(),
                document.getDate("expiresAt").toInstant());
    }

    static String writeJson(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialize " + value.getClass().getSimpleName(), e);
        }
    }

    static <T> T readJson(String json, Class<T> type) {
        try {
            return JSON.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored " + type.getSimpleName() + " is unreadable", e);
        }
    }
}
