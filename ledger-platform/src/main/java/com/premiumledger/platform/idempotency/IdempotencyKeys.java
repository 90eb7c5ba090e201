package com.premiumledger.platform.idempotency;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import com.premiumledger.events.EventJson;
import com.premiumledger.platform.store.IdGuard;
import java.util.Date;
import java.util.Optional;
import java.util.Set;
import org.bson.Document;
import org.bson.conversions.Bson;

/**
 * Collection {@code idempotency_keys} of the service's database. {@code _id} is {@code "<scope> <key>"}, or the
 * key itself for a scope configured as bare ({@code premium.idempotency.bare-key-scopes}: payment-service's
 * POST /payments, whose keys were stored so before scopes existed); a key never holds a space, so the two
 * cannot collide. Every write is guarded by {@code _id} plus the writer's claim, so two requests racing for one
 * key cannot both win. Only {@code _id} equality is ever queried.
 */
class IdempotencyKeys {

    private static final IdGuard CLAIM_GUARD = new IdGuard("claimId");

    static final String COLLECTION = "idempotency_keys";
    /** Commands stored before a field was added still read back: the missing field takes its default. */
    private static final ObjectMapper JSON = EventJson.mapper().copy()
            .disable(DeserializationFeature.FAIL_ON_MISSING_CREATOR_PROPERTIES)
            .disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);

    private final MongoCollection<Document> keys;
    private final Set<String> bareKeyScopes;

    IdempotencyKeys(MongoDatabase database, Set<String> bareKeyScopes) {
        this.keys = database.getCollection(COLLECTION);
        this.bareKeyScopes = Set.copyOf(bareKeyScopes);
    }

    String documentId(String scope, String key) {
        return bareKeyScopes.contains(scope) ? key : scope + " " + key;
    }

    Optional<IdempotencyRecord> find(String scope, String key) {
        return Optional.ofNullable(keys.find(Filters.eq("_id", documentId(scope, key))).first())
                .map(document -> fromDocument(scope, key, document));
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
        return keys.replaceOne(claimOf(expired), toDocument(record)).getModifiedCount() == 1;
    }

    void complete(IdempotencyRecord record, int responseStatus, String responseBody) {
        keys.updateOne(claimOf(record), Updates.combine(
                Updates.set("state", IdempotencyRecord.State.COMPLETED.name()),
                Updates.set("responseStatus", responseStatus),
                Updates.set("responseBody", responseBody)));
    }

    /** Frees a key whose command was refused, so that the client may correct the request and retry it. */
    void release(IdempotencyRecord record) {
        // Only the claim's holder completes or releases it, so what is read here cannot change before the delete.
        Document stored = keys.find(Filters.eq("_id", documentId(record.scope(), record.key()))).first();
        if (stored != null && record.claimId().equals(stored.getString("claimId"))
                && IdempotencyRecord.State.IN_PROGRESS.name().equals(stored.getString("state"))) {
            keys.deleteOne(claimOf(record));
        }
    }

    private Bson claimOf(IdempotencyRecord record) {
        return CLAIM_GUARD.on(keys, documentId(record.scope(), record.key()), record.claimId());
    }

    private Document toDocument(IdempotencyRecord record) {
        return new Document("_id", documentId(record.scope(), record.key()))
                .append("scope", record.scope())
                .append("requestHash", record.requestHash())
                .append("claimId", record.claimId())
                .append("state", record.state().name())
                .append("command", record.command())
                .append("responseStatus", record.responseStatus())
                .append("responseBody", record.responseBody())
                .append("createdAt", Date.from(record.createdAt()))
                .append("expiresAt", Date.from(record.expiresAt()));
    }

    private static IdempotencyRecord fromDocument(String scope, String key, Document document) {
        // Keys stored before scopes named their claim by the payment id.
        String claimId = document.getString("claimId") != null ? document.getString("claimId")
                : document.getString("paymentId");
        return new IdempotencyRecord(scope, key,
                document.getString("requestHash"),
                claimId,
                IdempotencyRecord.State.valueOf(document.getString("state")),
                document.getString("command"),
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
