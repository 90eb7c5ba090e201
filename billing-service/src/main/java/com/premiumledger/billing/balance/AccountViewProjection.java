package com.premiumledger.billing.balance;

import com.mongodb.client.MongoDatabase;
import com.premiumledger.billing.support.AccountStreamProjection;
import com.premiumledger.billing.support.ViewDocuments;
import com.premiumledger.platform.consumer.ReceivedEvent;
import org.springframework.stereotype.Component;

/** Projects each account's bills, payments and balance into {@code account_views}. */
@Component
class AccountViewProjection extends AccountStreamProjection<AccountView> {

    static final String COLLECTION = "account_views";

    AccountViewProjection(MongoDatabase database) {
        super(new ViewDocuments<>(database.getCollection(COLLECTION), AccountView.class));
    }

    @Override
    public String name() {
        return "account-views";
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
