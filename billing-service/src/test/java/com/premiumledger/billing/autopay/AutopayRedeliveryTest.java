package com.premiumledger.billing.autopay;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoDatabase;
import com.premiumledger.billing.Redeliveries;
import com.premiumledger.billing.TestEvents;
import com.premiumledger.events.AutopayCancelled;
import com.premiumledger.events.AutopayEnrolled;
import com.premiumledger.events.AutopayFailed;
import com.premiumledger.platform.consumer.ReceivedEvent;
import com.premiumledger.platform.testing.EmbeddedMongo;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** No gate: an old enrolment repeated after the cancellation must not enrol the account again. */
class AutopayRedeliveryTest {

    @RegisterExtension
    static final EmbeddedMongo MONGO = new EmbeddedMongo();

    private static final LocalDate DAY = LocalDate.of(2027, 1, 10);

    private final MongoDatabase database = MONGO.freshDatabase("autopay-redelivery-");
    private final AutopayProjection projection = new AutopayProjection(database);

    @Test
    void aRedeliveredBatchOrAnOldEventAfterNewerOnesChangesNothing() {
        List<ReceivedEvent> batch = List.of(
                TestEvents.received("A", 3, new AutopayEnrolled("A", "CARD", "4242", "member", DAY)),
                TestEvents.received("A", 5, new AutopayFailed("A", "A-2027-02", 20_000, "DECLINED", "runner")),
                TestEvents.received("B", 2, new AutopayEnrolled("B", "ACH", "6789", "member", DAY)),
                TestEvents.received("A", 7, new AutopayCancelled("A", "member", DAY.plusDays(3))));

        Redeliveries.assertIdempotent(batch, projection::handleAll, projection::handle,
                () -> Redeliveries.documents(database, AutopayProjection.COLLECTION));

        assertThat(projection.find("A")).hasValue(new AutopayView("A", false, null, null, null, "A-2027-02", 20_000L,
                "DECLINED"));
        assertThat(projection.find("B")).hasValue(new AutopayView("B", true, "ACH", "6789", DAY, null, null, null));
    }
}
