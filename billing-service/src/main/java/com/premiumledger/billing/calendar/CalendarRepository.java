package com.premiumledger.billing.calendar;

import com.premiumledger.events.EventJson;
import com.premiumledger.events.LedgerEvent;
import com.premiumledger.platform.eventstore.MongoEventStorageEngine;
import com.premiumledger.platform.eventstore.StoredCommit;
import com.premiumledger.platform.eventstore.StoredEvent;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.EventSourcedAggregate;
import org.axonframework.eventsourcing.EventSourcingRepository;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.annotation.ParameterResolverFactory;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;

/**
 * Loads the business calendar in constant time however many days it has closed: from its head document (a
 * snapshot: the last closed day and its sequence) plus the commits stored after it, each read by {@code _id},
 * instead of from its whole stream (one DayClosed per day, forever). After every close the head moves to the
 * new last day. The stream, the events and their sequence numbers stay exactly as before; only loading
 * changed. Without a head (the first load after this was deployed) it reads the stream once and writes one.
 */
class CalendarRepository extends EventSourcingRepository<BusinessCalendar> {

    private static final String AGGREGATE_TYPE = BusinessCalendar.class.getSimpleName();

    private final CalendarHeads heads;
    private final MongoEventStorageEngine storage;

    CalendarRepository(EventStore eventStore, MongoEventStorageEngine storage, CalendarHeads heads,
                       ParameterResolverFactory parameterResolverFactory) {
        super(EventSourcingRepository.builder(BusinessCalendar.class).eventStore(eventStore)
                .parameterResolverFactory(parameterResolverFactory));
        this.heads = heads;
        this.storage = storage;
    }

    @Override
    protected DomainEventStream readEvents(String calendarId) {
        Optional<CalendarHeads.Head> head = heads.find(calendarId);
        if (head.isEmpty()) {
            return super.readEvents(calendarId);
        }
        List<DomainEventMessage<?>> messages = new ArrayList<>();
        messages.add(snapshot(calendarId, head.get()));
        long nextSequence = head.get().lastSequence() + 1;
        Optional<StoredCommit> commit;
        while ((commit = storage.findCommit(StoredCommit.commitId(calendarId, nextSequence))).isPresent()) {
            commit.get().events().forEach(event -> messages.add(message(event)));
            nextSequence = commit.get().lastSequence() + 1;
        }
        return DomainEventStream.of(messages);
    }

    /** Moves the head once the close is stored, also when the load found it lagging; a no-op otherwise. */
    @Override
    protected void doSaveWithLock(EventSourcedAggregate<BusinessCalendar> aggregate) {
        super.doSaveWithLock(aggregate);
        Long version = aggregate.version();
        BusinessCalendar calendar = aggregate.getAggregateRoot();
        if (version == null || calendar.lastClosed() == null) {
            return;
        }
        CalendarHeads.Head head = new CalendarHeads.Head(calendar.lastClosed(), version);
        String calendarId = aggregate.identifierAsString();
        CurrentUnitOfWork.get().afterCommit(unitOfWork -> heads.advance(calendarId, head));
    }

    /** The head as Axon's snapshot: the aggregate itself, at the sequence of its last DayClosed. */
    private static DomainEventMessage<BusinessCalendar> snapshot(String calendarId, CalendarHeads.Head head) {
        return new GenericDomainEventMessage<>(AGGREGATE_TYPE, calendarId, head.lastSequence(),
                BusinessCalendar.restored(calendarId, head.lastClosed()));
    }

    private static DomainEventMessage<?> message(StoredEvent event) {
        LedgerEvent payload = EventJson.read(event.type(), event.payloadJson().getBytes(StandardCharsets.UTF_8),
                event.timestamp());
        return new GenericDomainEventMessage<>(event.aggregateType(), event.aggregateId(), event.sequence(),
                payload, event.metadata(), event.eventId(), event.timestamp());
    }
}
