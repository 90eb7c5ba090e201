package com.premiumledger.billing.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoDatabase;
import com.premiumledger.billing.Redeliveries;
import com.premiumledger.billing.TestEvents;
import com.premiumledger.events.DayClosed;
import com.premiumledger.platform.consumer.ReceivedEvent;
import com.premiumledger.platform.testing.EmbeddedMongo;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** No gate: a DayClosed that comes again, also after later days, cannot move the business date back. */
class CalendarProjectionRedeliveryTest {

    @RegisterExtension
    static final EmbeddedMongo MONGO = new EmbeddedMongo();

    private static final LocalDate FIRST = LocalDate.of(2027, 1, 20);

    private final MongoDatabase database = MONGO.freshDatabase("calendar-redelivery-");
    private final BusinessDates businessDates = new BusinessDates(database);
    private final CalendarProjection projection = new CalendarProjection(businessDates);

    @Test
    void aRedeliveredBatchOrAnOldDayAfterLaterOnesChangesNothing() {
        List<ReceivedEvent> days = new ArrayList<>();
        for (int day = 0; day < 5; day++) {
            days.add(TestEvents.received(DayClosed.STREAM_KEY, day, new DayClosed(FIRST.plusDays(day),
                    day == 0 ? null : FIRST.plusDays(day - 1L), "operator")));
        }

        Redeliveries.assertIdempotent(days, projection::handleAll, projection::handle,
                () -> Redeliveries.documents(database, BusinessDates.COLLECTION));

        assertThat(businessDates.current()).hasValue(FIRST.plusDays(4));
        assertThat(projection.eventTypes()).containsExactly(DayClosed.class);
    }
}
