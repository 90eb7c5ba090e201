package com.premiumledger.payment.billing;

import com.mongodb.client.model.WriteModel;
import com.premiumledger.events.AccountOpened;
import com.premiumledger.events.CreditRefunded;
import com.premiumledger.events.DayClosed;
import com.premiumledger.events.LedgerEvent;
import com.premiumledger.events.RefundRejected;
import com.premiumledger.events.Topics;
import com.premiumledger.payment.payment.RefundOutcomes;
import com.premiumledger.payment.refund.RefundViews;
import com.premiumledger.platform.consumer.EventStreamHandler;
import com.premiumledger.platform.consumer.ReceivedEvent;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import org.bson.Document;
import org.springframework.stereotype.Component;

/**
 * What payment intake needs from billing: which accounts exist, the business date, and billing's decision on
 * each refund. Each guards itself, so a redelivered event, or an old one after newer ones, changes nothing: an
 * account is remembered on its first delivery, the business date only moves forward, a decision is a plain
 * upsert of its own fields. A rejection also releases the refund on its payment, and only then is recorded as
 * REJECTED: a rejection already recorded sends no second release (a crash in between resends it, and the
 * payment refuses a release it already made).
 */
@Component
class BillingFacts implements EventStreamHandler {

    private final KnownAccounts accounts;
    private final BusinessCalendar calendar;
    private final RefundViews refunds;
    private final RefundOutcomes refundOutcomes;

    BillingFacts(KnownAccounts accounts, BusinessCalendar calendar, RefundViews refunds,
                 RefundOutcomes refundOutcomes) {
        this.accounts = accounts;
        this.calendar = calendar;
        this.refunds = refunds;
        this.refundOutcomes = refundOutcomes;
    }

    @Override
    public String name() {
        return "billing-facts";
    }

    @Override
    public Collection<String> topics() {
        return List.of(Topics.BILLING);
    }

    @Override
    public Set<Class<? extends LedgerEvent>> eventTypes() {
        return Set.of(AccountOpened.class, DayClosed.class, CreditRefunded.class, RefundRejected.class);
    }

    @Override
    public void handle(ReceivedEvent event) {
        handleAll(List.of(event));
    }

    /** At most one read and one write per collection, whatever the batch size (plus a release per rejection). */
    @Override
    public void handleAll(List<ReceivedEvent> events) {
        List<ReceivedEvent> opened = new ArrayList<>();
        List<DayClosed> closed = new ArrayList<>();
        List<ReceivedEvent> decisions = new ArrayList<>();
        for (ReceivedEvent event : events) {
            LedgerEvent payload = event.payload();
            if (payload instanceof AccountOpened) {
                opened.add(event);
            } else if (payload instanceof DayClosed day) {
                closed.add(day);
            } else if (payload instanceof CreditRefunded || payload instanceof RefundRejected) {
                decisions.add(event);
            }
        }
        accounts.rememberAll(opened);
        closed.stream().max((first, second) -> first.date().compareTo(second.date())).ifPresent(calendar::close);
        decide(decisions);
    }

    private void decide(List<ReceivedEvent> decisions) {
        if (decisions.isEmpty()) {
            return;
        }
        Set<String> alreadyRejected = refunds.rejected(decisions.stream().map(ReceivedEvent::payload)
                .filter(RefundRejected.class::isInstance).map(decision -> ((RefundRejected) decision).refundId())
                .toList());
        List<WriteModel<Document>> writes = new ArrayList<>();
        try {
            for (ReceivedEvent event : decisions) {
                LedgerEvent decision = event.payload();
                if (decision instanceof CreditRefunded refunded) {
                    writes.add(RefundViews.refunded(refunded));
                } else if (decision instanceof RefundRejected rejected) {
                    if (alreadyRejected.add(rejected.refundId())) {
                        refundOutcomes.rejected(rejected, event);
                    }
                    writes.add(RefundViews.rejected(rejected));
                }
            }
        } finally {
            // What was released is recorded even when a later release fails, so its retry sends no second one.
            refunds.writeAll(writes);
        }
    }
}
