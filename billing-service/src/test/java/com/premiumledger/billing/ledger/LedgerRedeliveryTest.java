package com.premiumledger.billing.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoDatabase;
import com.premiumledger.billing.Redeliveries;
import com.premiumledger.billing.account.LedgerScenario;
import com.premiumledger.billing.account.Scenarios;
import com.premiumledger.platform.rebuild.ProjectionStore;
import com.premiumledger.platform.testing.EmbeddedMongo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** No gate: the ledger view changes once per event, however often and in whatever order it comes again. */
class LedgerRedeliveryTest {

    @RegisterExtension
    static final EmbeddedMongo MONGO = new EmbeddedMongo();

    private final MongoDatabase database = MONGO.freshDatabase("ledger-redelivery-");
    private final LedgerProjection projection = new LedgerProjection(new ProjectionStore(database));

    @Test
    void aRedeliveredBatchOrAnOldEventAfterNewerOnesChangesNothing() {
        LedgerScenario scenario = Scenarios.everyKindOfEvent();

        Redeliveries.assertIdempotent(scenario.receivedAccountEvents(), projection::handleAll, projection::handle,
                () -> Redeliveries.documents(database, LedgerProjection.COLLECTION));

        LedgerView view = projection.documents().find(LedgerScenario.ACCOUNT_ID).orElseThrow();
        assertThat(view.balanceCents()).isEqualTo(scenario.openCents() - scenario.creditCents());
        assertThat(view.lastSequence()).isEqualTo(scenario.receivedAccountEvents().size() - 1);
    }
}
