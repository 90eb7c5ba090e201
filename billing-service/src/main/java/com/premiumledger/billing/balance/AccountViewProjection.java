package com.premiumledger.billing.balance;

import com.premiumledger.billing.metrics.AmountMeters;
import com.premiumledger.billing.support.AccountStreamProjection;
import com.premiumledger.platform.consumer.ReceivedEvent;
import com.premiumledger.platform.rebuild.ProjectionStore;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Projects each account's bills, payments and balance into {@code account_views}. The amounts billed and paid
 * are metered here, because this projection's guard already decides whether an event is new.
 */
@Component
class AccountViewProjection extends AccountStreamProjection<AccountView> {

    static final String NAME = "account-views";
    static final String COLLECTION = "account_views";

    private final AmountMeters amountMeters;

    AccountViewProjection(ProjectionStore projections, AmountMeters amountMeters) {
        super(projections.live(NAME), COLLECTION, AccountView.class);
        this.amountMeters = amountMeters;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    protected AccountView fold(AccountView before, ReceivedEvent event) {
        return AccountViewFold.apply(before, event.payload(), event.eventId(), event.sequence());
    }

    @Override
    protected long lastSequence(AccountView view) {
        return view.lastSequence();
    }

    @Override
    protected void appliedLive(List<ReceivedEvent> events) {
        amountMeters.count(events);
    }
}
