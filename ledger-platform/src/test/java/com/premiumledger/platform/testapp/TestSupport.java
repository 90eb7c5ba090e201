package com.premiumledger.platform.testapp;

import com.mongodb.client.MongoDatabase;
import com.premiumledger.events.AccountOpened;
import com.premiumledger.platform.consumer.ReceivedEvent;
import com.premiumledger.platform.eventstore.MongoEventStorageEngine;
import com.premiumledger.platform.eventstore.OutboxMarkers;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.springframework.stereotype.Component;

/** Test access to the test app's package-private parts. */
@Component
public class TestSupport {

    private final RecordingHandler handler;
    private final MongoDatabase database;

    TestSupport(RecordingHandler handler, MongoDatabase database) {
        this.handler = handler;
        this.database = database;
    }

    public record OpenCommand(String accountId) {
        public Object toCommand() {
            return new TestAccount.Open(accountId);
        }
    }

    public Object openPoison(String accountId) {
        return new TestAccount.Open(accountId, "Poison Pill");
    }

    public void curePoison() {
        handler.poisonFails = false;
    }

    public Object bill(String accountId, String month) {
        return new TestAccount.Bill(accountId, month);
    }

    public List<ReceivedEvent> received(String accountId) {
        return handler.received.stream().filter(event -> event.aggregateId().equals(accountId)).toList();
    }

    /** Stores an event as a crash right after storing would leave it: marker present, nothing sent. */
    public void storeWithoutPublishing(String accountId) {
        MongoEventStorageEngine crashing = new MongoEventStorageEngine(database, commit -> { }, 64, 1000,
                new OutboxMarkers(database, Duration.ofSeconds(10), Duration.ofSeconds(2), Clock.systemUTC()));
        crashing.appendEvents(List.of(new GenericDomainEventMessage<>("TestAccount", accountId, 0,
                new AccountOpened(accountId, "Test Holder", "APTC", LocalDate.of(2027, 1, 1), "en", null, "test"))));
    }
}
