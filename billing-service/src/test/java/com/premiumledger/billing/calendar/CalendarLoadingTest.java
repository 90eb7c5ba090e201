package com.premiumledger.billing.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.event.CommandListener;
import com.mongodb.event.CommandStartedEvent;
import com.mongodb.event.CommandSucceededEvent;
import com.premiumledger.billing.support.TestAxon;
import com.premiumledger.events.DayClosed;
import com.premiumledger.platform.embedded.EmbeddedMongoServer;
import com.premiumledger.platform.eventstore.MongoEventStorageEngine;
import com.premiumledger.platform.eventstore.OutboxMarkers;
import com.premiumledger.platform.eventstore.StoredCommit;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.bson.BsonDocument;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 13 point 5: the business calendar must not grow with time. Loading it costs the same store round trips
 * and documents read after 1,000 closed days as after one, over the real event store on the embedded server.
 */
class CalendarLoadingTest {

    private static final LocalDate FIRST = LocalDate.of(2027, 1, 1);
    private static final int DAYS = 1_000;

    private static EmbeddedMongoServer server;
    private static MongoClient client;
    private static final StoreCalls CALLS = new StoreCalls();

    private final MongoDatabase database = client.getDatabase("calendar-loading-" + UUID.randomUUID());
    private final MongoEventStorageEngine storage = new MongoEventStorageEngine(database, commit -> {
    }, 100, 400, new OutboxMarkers(database, Duration.ofSeconds(10), Duration.ofSeconds(2), Clock.systemUTC()));
    private final TestAxon axon = TestAxon.over(storage);

    @BeforeAll
    static void startStore() {
        server = EmbeddedMongoServer.start(null, 0);
        client = MongoClients.create(MongoClientSettings.builder()
                .applyConnectionString(new ConnectionString(server.connectionString()))
                .addCommandListener(CALLS).build());
    }

    @AfterAll
    static void stopStore() {
        client.close();
        server.close();
    }

    CalendarLoadingTest() {
        axon.register(BusinessCalendar.class, new CalendarRepository(axon.eventStore(), storage,
                new CalendarHeads(database), TestAxon.parameters(BusinessCalendar.class)));
    }

    @Test
    void loadingCostsTheSameAfterAThousandClosedDaysAsAfterOne() {
        close(FIRST);
        Cost afterOneDay = costOfLoading();

        for (int day = 1; day <= DAYS; day++) {
            close(FIRST.plusDays(day));
        }
        Cost afterManyDays = costOfLoading();

        assertThat(afterManyDays).isEqualTo(afterOneDay);
        assertThat(afterOneDay.documentsRead()).isEqualTo(1);
        // The stream is as before: one DayClosed per day, in one unbroken sequence.
        List<StoredCommit> commits = storage.readCommits(DayClosed.STREAM_KEY);
        assertThat(commits).hasSize(DAYS + 1);
        assertThat(commits.get(DAYS).lastSequence()).isEqualTo(DAYS);
    }

    @Test
    void aMissingOrLaggingHeadIsCaughtUpFromTheStoredCommits() {
        close(FIRST.plusDays(2));
        assertThat(close(FIRST.plusDays(5)).closedDays()).hasSize(3);
        // Written before the heads existed, or a crash after a close: the head is absent, or two commits behind.
        database.getCollection(CalendarHeads.COLLECTION).deleteOne(Filters.eq("_id", DayClosed.STREAM_KEY));
        assertThat(close(FIRST.plusDays(6)).closedDays()).containsExactly(FIRST.plusDays(6));
        database.getCollection(CalendarHeads.COLLECTION).replaceOne(Filters.eq("_id", DayClosed.STREAM_KEY),
                new org.bson.Document("lastSequence", 0L).append("lastClosed", FIRST.plusDays(2).toString()));

        CloseDayResult result = close(FIRST.plusDays(8));

        assertThat(result.closedDays()).containsExactly(FIRST.plusDays(7), FIRST.plusDays(8));
        assertThat(new CalendarHeads(database).find(DayClosed.STREAM_KEY))
                .hasValue(new CalendarHeads.Head(FIRST.plusDays(8), 6));
        assertThat(storage.readCommits(DayClosed.STREAM_KEY).get(3).events().get(0).payloadJson())
                .contains(FIRST.plusDays(7).toString());
    }

    private CloseDayResult close(LocalDate day) {
        return axon.commands().send(new CloseDayCommand(day, "operator"), "operator");
    }

    /** Closing the first day again changes nothing: all it costs is loading the calendar (and the head write). */
    private Cost costOfLoading() {
        CALLS.reset();
        assertThat(close(FIRST).closedDays()).isEmpty();
        return new Cost(CALLS.roundTrips.get(), CALLS.documentsRead.get());
    }

    record Cost(long roundTrips, long documentsRead) {
    }

    /** Counts the driver's commands (store round trips) and the documents its reads returned. */
    static final class StoreCalls implements CommandListener {

        final AtomicLong roundTrips = new AtomicLong();
        final AtomicLong documentsRead = new AtomicLong();

        void reset() {
            roundTrips.set(0);
            documentsRead.set(0);
        }

        @Override
        public void commandStarted(CommandStartedEvent event) {
            roundTrips.incrementAndGet();
        }

        @Override
        public void commandSucceeded(CommandSucceededEvent event) {
            BsonDocument cursor = event.getResponse().getDocument("cursor", null);
            if (cursor == null) {
                return;
            }
            String batch = cursor.containsKey("firstBatch") ? "firstBatch" : "nextBatch";
            documentsRead.addAndGet(cursor.getArray(batch).size());
        }
    }
}
