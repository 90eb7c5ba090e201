package com.premiumledger.coverage.billing;

import static org.assertj.core.api.Assertions.assertThat;

import com.premiumledger.coverage.CoverageServiceTest;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.premiumledger.events.AccountOpened;
import com.premiumledger.events.BillIssued;
import com.premiumledger.events.BillAllocation;
import com.premiumledger.events.CoverageStatusChanged;
import com.premiumledger.events.EventEnvelope;
import com.premiumledger.events.EventTypes;
import com.premiumledger.events.LedgerEvent;
import com.premiumledger.events.PaymentApplied;
import com.premiumledger.events.Topics;
import com.premiumledger.platform.consumer.ReceivedEvent;
import com.premiumledger.platform.eventstore.MongoEventStorageEngine;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.axonframework.eventhandling.DomainEventMessage;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The handler fed directly, event by event, with redeliveries in between (no gate stands in front of it). The
 * event store must still hold each change once.
 */
@CoverageServiceTest
class BillingEventsReplayTest {

    @Autowired
    BillingEventsHandler handler;
    @Autowired
    MongoEventStorageEngine storage;
    @Autowired
    MongoDatabase database;

    static ReceivedEvent received(String accountId, long sequence, LedgerEvent payload) {
        return new ReceivedEvent(new EventEnvelope(UUID.randomUUID().toString(),
                EventTypes.typeOf(payload.getClass()), "/premium-ledger/billing-service", accountId, Instant.now(),
                accountId, sequence, null, null, payload), Topics.BILLING, 0, sequence);
    }

    List<CoverageStatusChanged> stored(String accountId) {
        return storage.readEvents(accountId).asStream().map(DomainEventMessage::getPayload)
                .map(CoverageStatusChanged.class::cast).toList();
    }

    @Test
    void replayedBillingEventsChangeCoverageOnce() {
        String accountId = "R-" + UUID.randomUUID();
        ReceivedEvent opened = received(accountId, 0, new AccountOpened(accountId, "Ada Member", "UNSUBSIDIZED",
                LocalDate.of(2027, 3, 1), "en", null, "service"));
        ReceivedEvent bill = received(accountId, 1, new BillIssued(accountId, "B-1", "2027-03",
                LocalDate.of(2027, 2, 23), 20_000, 0, 20_000, LocalDate.of(2026, 12, 1), "service"));
        ReceivedEvent binder = received(accountId, 2, new PaymentApplied(accountId, "P-1", 20_000,
                LocalDate.of(2027, 2, 20), List.of(new BillAllocation("B-1", 20_000, 0)), 0, 0));

        handler.handle(opened);
        handler.handle(opened);
        handler.handle(bill);
        handler.handle(binder);
        handler.handle(binder);
        // Even without the state mirror, events the facts already hold decide nothing.
        database.getCollection(CoverageStates.COLLECTION).deleteOne(Filters.eq("_id", accountId));
        handler.handle(opened);
        handler.handle(binder);

        assertThat(stored(accountId)).extracting(CoverageStatusChanged::toStatus)
                .containsExactly("PENDING_PAYMENT", "ACTIVE");
        assertThat(stored(accountId).get(1).causeEventId()).isEqualTo(binder.eventId());
        assertThat(stored(accountId).get(1).effectiveDate()).isEqualTo(LocalDate.of(2027, 3, 1));
        assertThat(stored(accountId).get(1).program()).isEqualTo("UNSUBSIDIZED");
        assertThat(stored(accountId).get(1).paidThroughDate()).isEqualTo(LocalDate.of(2027, 3, 31));
    }
}
