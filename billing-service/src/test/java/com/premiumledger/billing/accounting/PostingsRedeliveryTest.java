package com.premiumledger.billing.accounting;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoDatabase;
import com.premiumledger.billing.Redeliveries;
import com.premiumledger.billing.TestEvents;
import com.premiumledger.billing.account.Scenarios;
import com.premiumledger.events.AccountOpened;
import com.premiumledger.events.LedgerEvent;
import com.premiumledger.events.PaymentRecorded;
import com.premiumledger.platform.consumer.ReceivedEvent;
import com.premiumledger.platform.testing.EmbeddedMongo;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** No gate: every event posts once, however often and in whatever order it comes again. */
class PostingsRedeliveryTest {

    @RegisterExtension
    static final EmbeddedMongo MONGO = new EmbeddedMongo();

    private final MongoDatabase database = MONGO.freshDatabase("postings-redelivery-");
    private final PostingsProjection projection = new PostingsProjection(database);

    @Test
    void aRedeliveredBatchOrAnOldEventAfterNewerOnesPostsNothingTwice() {
        List<ReceivedEvent> batch = new ArrayList<>(Scenarios.everyKindOfEvent().receivedAccountEvents());
        // The payment service's own streams (one payment each) interleave with the account's on the same batch.
        List<LedgerEvent> paymentEvents = Scenarios.everyKindOfEvent().paymentEvents();
        for (int i = 0; i < paymentEvents.size(); i++) {
            batch.add(Math.min(batch.size(), 2 * i), TestEvents.received("PAY-" + i, 0, paymentEvents.get(i)));
        }

        Redeliveries.assertIdempotent(batch, projection::handleAll, projection::handle,
                () -> Redeliveries.documents(database, PostingsProjection.COLLECTION));

        assertThat(database.getCollection(PostingsProjection.COLLECTION).countDocuments()).isPositive();
    }

    @Test
    void declaresOnlyTheEventsThatPost() {
        assertThat(projection.eventTypes()).contains(PaymentRecorded.class).doesNotContain(AccountOpened.class);
    }
}
