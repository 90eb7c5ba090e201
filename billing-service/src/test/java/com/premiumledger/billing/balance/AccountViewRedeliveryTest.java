package com.premiumledger.billing.balance;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.premiumledger.billing.Redeliveries;
import com.premiumledger.billing.account.LedgerScenario;
import com.premiumledger.billing.account.Scenarios;
import com.premiumledger.billing.metrics.AmountMetersProbe;
import com.premiumledger.events.BillIssued;
import com.premiumledger.events.PaymentApplied;
import com.premiumledger.platform.consumer.ReceivedEvent;
import com.premiumledger.platform.rebuild.ProjectionCollections;
import com.premiumledger.platform.rebuild.ProjectionStore;
import com.premiumledger.platform.testing.EmbeddedMongo;
import java.util.List;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** No gate: the account views and the amount meters they feed change once per event, however often it comes. */
class AccountViewRedeliveryTest {

    @RegisterExtension
    static final EmbeddedMongo MONGO = new EmbeddedMongo();

    private final MongoDatabase database = MONGO.freshDatabase("account-view-redelivery-");
    private final AmountMetersProbe meters = new AmountMetersProbe();
    private final AccountViewProjection projection = new AccountViewProjection(new ProjectionStore(database),
            meters.meters());

    @Test
    void aRedeliveredBatchOrAnOldEventAfterNewerOnesChangesNoViewAndCountsNothingAgain() {
        LedgerScenario scenario = Scenarios.everyKindOfEvent();
        List<ReceivedEvent> events = scenario.receivedAccountEvents();

        record State(Object documents, List<Double> counters) {
        }
        Redeliveries.assertIdempotent(events, projection::handleAll, projection::handle,
                () -> new State(Redeliveries.documents(database, AccountViewProjection.COLLECTION),
                        List.of(meters.billedCents(), meters.paidCents())));

        AccountView view = projection.documents().find(LedgerScenario.ACCOUNT_ID).orElseThrow();
        assertThat(view.balanceCents()).isEqualTo(scenario.openCents() - scenario.creditCents());
        assertThat(meters.billedCents()).isEqualTo(events.stream().map(ReceivedEvent::payload)
                .filter(BillIssued.class::isInstance).mapToLong(e -> ((BillIssued) e).amountDueCents()).sum());
        assertThat(meters.paidCents()).isEqualTo(events.stream().map(ReceivedEvent::payload)
                .filter(PaymentApplied.class::isInstance).mapToLong(e -> ((PaymentApplied) e).amountCents()).sum());
    }

    @Test
    void anEventAppliedOneByOneIsCountedOnceAndARebuildCountsNothing() {
        List<ReceivedEvent> events = Scenarios.everyKindOfEvent().receivedAccountEvents();
        events.forEach(projection::handle);
        double billed = meters.billedCents();
        assertThat(billed).isPositive();

        ProjectionCollections copy = new ProjectionCollections() {
            @Override
            public MongoCollection<Document> collection(String logicalName) {
                return database.getCollection(logicalName + "_rebuilt");
            }

            @Override
            public boolean rebuilding() {
                return true;
            }
        };
        projection.handleAll(events, copy);
        assertThat(copy.collection(AccountViewProjection.COLLECTION).countDocuments()).isEqualTo(1);
        database.getCollection(AccountViewProjection.COLLECTION + "_rebuilt").drop();
        events.forEach(event -> projection.handle(event, copy));

        assertThat(meters.billedCents()).isEqualTo(billed);
    }

    @Test
    void declaresTheAccountEventsItFolds() {
        assertThat(projection.eventTypes()).hasSize(8).contains(BillIssued.class, PaymentApplied.class);
    }
}
