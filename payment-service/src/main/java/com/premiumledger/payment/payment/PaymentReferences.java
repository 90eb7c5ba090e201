package com.premiumledger.payment.payment;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.premiumledger.platform.store.IdGuard;
import com.premiumledger.platform.web.ApiProblem;
import java.util.Date;
import org.bson.Document;
import org.springframework.stereotype.Component;

/**
 * The natural key of a payment: a check or money order number is unique per method, whatever Idempotency-Key
 * carries it, so a paper instrument is never deposited twice. Collection {@code payment_references},
 * {@code _id = "<method>:<reference>"}, written before the command is sent.
 */
@Component
class PaymentReferences {

    private static final IdGuard PAYMENT_GUARD = new IdGuard("paymentId");

    static final String COLLECTION = "payment_references";

    private final MongoCollection<Document> references;

    PaymentReferences(MongoDatabase database) {
        this.references = database.getCollection(COLLECTION);
    }

    /** Taking one's own reference again (a re-sent command) succeeds; another payment's is a 409. */
    void reserve(RecordPaymentCommand command) {
        if (command.reference() == null) {
            return;
        }
        String id = id(command);
        try {
            references.insertOne(new Document("_id", id).append("paymentId", command.paymentId())
                    .append("reservedAt", new Date()));
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                throw e;
            }
            Document holder = references.find(Filters.eq("_id", id)).first();
            if (holder == null || !command.paymentId().equals(holder.getString("paymentId"))) {
                throw ApiProblem.conflict("duplicate-reference", "a " + command.method() + " payment with this"
                        + " reference was already recorded");
            }
        }
    }

    /** Frees the reference of a payment that was refused, so the corrected request can take it. */
    void release(RecordPaymentCommand command) {
        if (command.reference() != null) {
            references.deleteOne(PAYMENT_GUARD.on(references, id(command), command.paymentId()));
        }
    }

    private static String id(RecordPaymentCommand command) {
        return command.method() + ":" + command.reference();
    }
}
