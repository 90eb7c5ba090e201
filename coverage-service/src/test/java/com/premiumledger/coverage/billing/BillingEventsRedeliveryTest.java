package com.premiumledger.coverage.billing;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.premiumledger.coverage.CoverageServiceTest;
import com.premiumledger.events.AccountOpened;
import com.premiumledger.events.BillIssued;
import com.premiumledger.events.CoverageStatusChanged;
import com.premiumledger.events.DayClosed;
import com.premiumledger.events.EventEnvelope;
import com.premiumledger.events.EventTypes;
import com.premiumledger.events.LedgerEvent;
import com.premiumledger.events.PaymentMissed;
import com.premiumledger.events.Topics;
import com.premiumledger.platform.consumer.ReceivedEvent;
import com.premiumledger.platform.eventstore.MongoEventStorageEngine;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadLocalRandom;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.common.Registration;
import org.axonframework.eventhandling.DomainEventMessage;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The handler fed batches directly, as the platform hands them without a gate: a batch with account events and
 * its partition's copy of a closed day, the same batch again, and older events after newer ones. The second
 * time no command may be sent and no stored document change.
 */
@CoverageServiceTest
class BillingEventsRedeliveryTest {

    @Autowired
    BillingEventsHandler handler;
    @Autowired
    MongoEventStorageEngine storage;
    @Autowired
    MongoDatabase database;
    @Autowired
    CommandBus commandBus;

    /** A partition no other test closes days on (the handler trusts the partition the platform names). */
    final int partition = 1_000 + ThreadLocalRandom.current().nextInt(1_000_000);
    final String accountId = "D-" + UUID.randomUUID();
    long offset;

    ReceivedEvent received(String aggregateId, long sequence, LedgerEvent payload) {
        return new ReceivedEvent(new EventEnvelope(aggregateId + "/" + sequence + "/" + partition,
                EventTypes.typeOf(payload.getClass()), "/premium-ledger/billing-service", aggregateId, Instant.now(),
                aggregateId, sequence, null, null, payload), Topics.BILLING, partition, offset++);
    }

    ReceivedEvent dayClosed(long sequence, LocalDate date) {
        return received(DayClosed.STREAM_KEY, sequence, new DayClosed(date, date.minusDays(1), "calendar"));
    }

    @Test
    void aRedeliveredBatchOrOlderEventsDecideNothingAndChangeNothing() {
        ReceivedEvent opened = received(accountId, 0, new AccountOpened(accountId, "Ada Member", "APTC",
                LocalDate.of(2027, 1, 1), "en", null, "service"));
        ReceivedEvent bill = received(accountId, 1, new BillIssued(accountId, accountId + "-2027-01", "2027-01",
                LocalDate.of(2026, 12, 23), 50_000, 30_000, 20_000, LocalDate.of(2026, 12, 1), "service"));
        ReceivedEvent missed = received(accountId, 2, new PaymentMissed(accountId, accountId + "-2027-01", "2027-01",
                LocalDate.of(2026, 12, 23), 20_000, LocalDate.of(2026, 12, 24), "calendar"));
        ReceivedEvent newYear = dayClosed(700, LocalDate.of(2027, 1, 1));
        ReceivedEvent deadlinePassed = dayClosed(701, LocalDate.of(2027, 1, 2));
        List<ReceivedEvent> batch = List.of(opened, bill, missed, newYear, deadlinePassed);
        List<Object> commands = new CopyOnWriteArrayList<>();
        Registration counting = commandBus.registerDispatchInterceptor(messages -> (index, message) -> {
            commands.add(message.getPayload());
            return message;
        });
        try {
            handler.handleAll(batch);
            assertThat(changes()).as("the binder deadline passed on the copy's day, in the same batch")
                    .containsExactly("PENDING_PAYMENT", "CANCELLED");
            Map<String, Document> stored = stored();
            List<Object> sent = List.copyOf(commands);
            assertThat(sent).as("the commands are seen").hasSizeGreaterThanOrEqualTo(2);

            handler.handleAll(batch);
            handler.handleAll(List.of(deadlinePassed, missed, opened));
            handler.handleAll(List.of(newYear, bill));
            handler.handle(deadlinePassed);

            assertThat(commands).isEqualTo(sent);
            assertThat(stored()).isEqualTo(stored);
            assertThat(changes()).containsExactly("PENDING_PAYMENT", "CANCELLED");
        } finally {
            counting.cancel();
        }
    }

    @Test
    void eventsHandedOneByOneDecideWhatTheBatchDecides() {
        ReceivedEvent opened = received(accountId, 0, new AccountOpened(accountId, "Ada Member", "APTC",
                LocalDate.of(2027, 1, 1), "en", null, "service"));
        ReceivedEvent bill = received(accountId, 1, new BillIssued(accountId, accountId + "-2027-01", "2027-01",
                LocalDate.of(2026, 12, 23), 50_000, 30_000, 20_000, LocalDate.of(2026, 12, 1), "service"));
        ReceivedEvent deadlinePassed = dayClosed(701, LocalDate.of(2027, 1, 2));

        handler.handle(opened);
        handler.handle(bill);
        handler.handle(deadlinePassed);
        handler.handle(opened);

        assertThat(changes()).containsExactly("PENDING_PAYMENT", "CANCELLED");
        assertThat(database.getCollection(CoverageCalendar.TIME_INDEX).find(Filters.in("_id",
                List.of(partition + "|2027-01-02", partition + "|2027-01-03"))).first()).isNull();
    }

    private List<String> changes() {
        return storage.readEvents(accountId).asStream().map(DomainEventMessage::getPayload)
                .map(CoverageStatusChanged.class::cast).map(CoverageStatusChanged::toStatus).toList();
    }

    /** Every document the handler keeps for the account and the partition, by collection and id. */
    private Map<String, Document> stored() {
        Map<String, Document> stored = new TreeMap<>();
        List<String> days = new ArrayList<>();
        for (LocalDate day = LocalDate.of(2026, 12, 20); day.isBefore(LocalDate.of(2027, 2, 1));
                day = day.plusDays(1)) {
            days.add(partition + "|" + day);
        }
        collect(stored, AccountFactsStore.COLLECTION, List.of(accountId));
        collect(stored, CoverageStates.COLLECTION, List.of(accountId));
        collect(stored, CoverageCalendar.BUSINESS_DATE, List.of("p" + partition));
        collect(stored, CoverageCalendar.TIME_INDEX, days);
        assertThat(stored).containsKeys(AccountFactsStore.COLLECTION + "/" + accountId,
                CoverageStates.COLLECTION + "/" + accountId, CoverageCalendar.BUSINESS_DATE + "/p" + partition);
        return stored;
    }

    private void collect(Map<String, Document> into, String collection, List<String> ids) {
        for (Document document : database.getCollection(collection).find(Filters.in("_id", ids))) {
            into.put(collection + "/" + document.getString("_id"), document);
        }
    }
}
