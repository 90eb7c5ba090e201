package com.premiumledger.payment.refund;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import com.premiumledger.events.CreditRefunded;
import com.premiumledger.events.RefundRejected;
import com.premiumledger.events.RefundRequested;
import java.util.Optional;
import org.bson.Document;
import org.springframework.stereotype.Component;

/**
 * Collection {@code refund_views}, one document per refund keyed by its id. The request comes from
 * premium.payments.v1 and billing's decision from premium.billing.v1, on two consumers that may see them in
 * either order; so each writes only its own fields (plus the ones both know, with equal values), with plain
 * {@code $set} upserts that a replay repeats harmlessly.
 */
@Component
public class RefundViews {

    static final String COLLECTION = "refund_views";

    private final MongoCollection<Document> refunds;

    RefundViews(MongoDatabase database) {
        this.refunds = database.getCollection(COLLECTION);
    }

    public void requested(RefundRequested requested) {
        upsert(requested.refundId(), Updates.combine(
                Updates.set("paymentId", requested.paymentId()),
                Updates.set("accountId", requested.accountId()),
                Updates.set("amountCents", requested.amountCents()),
                Updates.set("method", requested.method()),
                Updates.set("requestedDate", requested.requestedDate().toString()),
                Updates.set("requestedBy", requested.requestedBy())));
    }

    public void refunded(CreditRefunded refunded) {
        upsert(refunded.refundId(), Updates.combine(
                Updates.set("paymentId", refunded.paymentId()),
                Updates.set("accountId", refunded.accountId()),
                Updates.set("amountCents", refunded.amountCents()),
                Updates.set("status", RefundView.Status.REFUNDED.name()),
                Updates.set("decidedDate", refunded.refundedDate().toString()),
                Updates.set("creditAfterCents", refunded.creditAfterCents())));
    }

    public void rejected(RefundRejected rejected) {
        upsert(rejected.refundId(), Updates.combine(
                Updates.set("paymentId", rejected.paymentId()),
                Updates.set("accountId", rejected.accountId()),
                Updates.set("amountCents", rejected.amountCents()),
                Updates.set("status", RefundView.Status.REJECTED.name()),
                Updates.set("reason", rejected.reason()),
                Updates.set("availableCreditCents", rejected.availableCreditCents())));
    }

    private void upsert(String refundId, org.bson.conversions.Bson update) {
        refunds.updateOne(Filters.eq("_id", refundId), update, new UpdateOptions().upsert(true));
    }

    Optional<RefundView> refund(String refundId) {
        return Optional.ofNullable(refunds.find(Filters.eq("_id", refundId)).first()).map(RefundView::fromDocument);
    }
}
