package com.premiumledger.payment.refund;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import com.mongodb.client.model.WriteModel;
import com.premiumledger.events.CreditRefunded;
import com.premiumledger.events.RefundRejected;
import com.premiumledger.events.RefundRequested;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.springframework.stereotype.Component;

/**
 * Collection {@code refund_views}, one document per refund keyed by its id. The request comes from
 * premium.payments.v1 and billing's decision from premium.billing.v1, on two consumers that may see them in
 * either order; so each writes only its own fields (plus the ones both know, with equal values), with plain
 * {@code $set} upserts that a replay repeats harmlessly. Writers hand over a batch's writes at once: one
 * unordered bulk write per batch.
 */
@Component
public class RefundViews {

    static final String COLLECTION = "refund_views";

    private final MongoCollection<Document> refunds;

    RefundViews(MongoDatabase database) {
        this.refunds = database.getCollection(COLLECTION);
    }

    public static WriteModel<Document> requested(RefundRequested requested) {
        return upsert(requested.refundId(), Updates.combine(
                Updates.set("paymentId", requested.paymentId()),
                Updates.set("accountId", requested.accountId()),
                Updates.set("amountCents", requested.amountCents()),
                Updates.set("method", requested.method()),
                Updates.set("requestedDate", requested.requestedDate().toString()),
                Updates.set("requestedBy", requested.requestedBy())));
    }

    public static WriteModel<Document> refunded(CreditRefunded refunded) {
        return upsert(refunded.refundId(), Updates.combine(
                Updates.set("paymentId", refunded.paymentId()),
                Updates.set("accountId", refunded.accountId()),
                Updates.set("amountCents", refunded.amountCents()),
                Updates.set("status", RefundView.Status.REFUNDED.name()),
                Updates.set("decidedDate", refunded.refundedDate().toString()),
                Updates.set("creditAfterCents", refunded.creditAfterCents())));
    }

    public static WriteModel<Document> rejected(RefundRejected rejected) {
        return upsert(rejected.refundId(), Updates.combine(
                Updates.set("paymentId", rejected.paymentId()),
                Updates.set("accountId", rejected.accountId()),
                Updates.set("amountCents", rejected.amountCents()),
                Updates.set("status", RefundView.Status.REJECTED.name()),
                Updates.set("reason", rejected.reason()),
                Updates.set("availableCreditCents", rejected.availableCreditCents())));
    }

    private static WriteModel<Document> upsert(String refundId, Bson update) {
        return new UpdateOneModel<>(Filters.eq("_id", refundId), update, new UpdateOptions().upsert(true));
    }

    /** Stores the writes of one batch in one round trip (none when there are none). */
    public void writeAll(List<WriteModel<Document>> writes) {
        if (!writes.isEmpty()) {
            refunds.bulkWrite(writes, new BulkWriteOptions().ordered(false));
        }
    }

    /** Those of {@code refundIds} whose view already records billing's rejection, in one {@code $in} read. */
    public Set<String> rejected(Collection<String> refundIds) {
        Set<String> rejected = new HashSet<>();
        if (refundIds.isEmpty()) {
            return rejected;
        }
        for (Document document : refunds.find(Filters.in("_id", refundIds))) {
            if (RefundView.Status.REJECTED.name().equals(document.getString("status"))) {
                rejected.add(document.getString("_id"));
            }
        }
        return rejected;
    }

    Optional<RefundView> refund(String refundId) {
        return Optional.ofNullable(refunds.find(Filters.eq("_id", refundId)).first()).map(RefundView::fromDocument);
    }
}
