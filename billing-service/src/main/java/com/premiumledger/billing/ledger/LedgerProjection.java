package com.premiumledger.billing.ledger;

import com.premiumledger.billing.support.AccountStreamProjection;
import com.premiumledger.platform.consumer.ReceivedEvent;
import com.premiumledger.platform.rebuild.ProjectionStore;
import org.springframework.stereotype.Component;

/** Projects each account's ledger lines with running balance into {@code ledger_views}. */
@Component
class LedgerProjection extends AccountStreamProjection<LedgerView> {

    static final String NAME = "ledger-views";
    static final String COLLECTION = "ledger_views";

    LedgerProjection(ProjectionStore projections) {
        super(projections.live(NAME), COLLECTION, LedgerView.class);
    }

    @Override
    public String name() {
        return NAME;
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
