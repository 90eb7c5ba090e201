package com.premiumledger.billing.balance;

import com.premiumledger.billing.support.AccountStreamProjection;
import com.premiumledger.platform.consumer.ReceivedEvent;
import com.premiumledger.platform.rebuild.ProjectionStore;
import org.springframework.stereotype.Component;

/** Projects each account's bills, payments and balance into {@code account_views}. */
@Component
class AccountViewProjection extends AccountStreamProjection<AccountView> {

    static final String NAME = "account-views";
    static final String COLLECTION = "account_views";

    AccountViewProjection(ProjectionStore projections) {
        super(projections.live(NAME), COLLECTION, AccountView.class);
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
}
