package com.premiumledger.billing.ledger;

import com.mongodb.client.MongoDatabase;
import com.premiumledger.billing.support.AccountStreamProjection;
import com.premiumledger.billing.support.ViewDocuments;
import com.premiumledger.platform.consumer.ReceivedEvent;
import org.springframework.stereotype.Component;

/** Projects each account's ledger lines with running balance into {@code ledger_views}. */
@Component
class LedgerProjection extends AccountStreamProjection<LedgerView> {

    static final String COLLECTION = "ledger_views";

    LedgerProjection(MongoDatabase database) {
        super(new ViewDocuments<>(database.getCollection(COLLECTION), LedgerView.class));
    }

    @Override
    public String name() {
        return "ledger-views";
    }

    @Override
    protected LedgerView fold(LedgerView before, ReceivedEvent event) {
        return LedgerFold.apply(before, event);
    }

    @Override
    protected long lastSequence(LedgerView view) {
        return view.lastSequence();
    }
}
