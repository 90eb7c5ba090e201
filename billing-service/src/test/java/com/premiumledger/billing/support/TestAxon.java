package com.premiumledger.billing.support;

import com.premiumledger.platform.PlatformProperties;
import com.premiumledger.platform.command.LedgerCommands;
import com.premiumledger.billing.BillingProperties;
import com.premiumledger.billing.account.BillingAccount;
import com.premiumledger.events.LedgerEvent;
import java.util.List;
import java.util.Set;
import org.axonframework.commandhandling.SimpleCommandBus;
import org.axonframework.commandhandling.gateway.DefaultCommandGateway;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.EventSourcingRepository;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.axonframework.messaging.annotation.ClasspathParameterResolverFactory;
import org.axonframework.messaging.annotation.MultiParameterResolverFactory;
import org.axonframework.messaging.annotation.ParameterResolverFactory;
import org.axonframework.messaging.annotation.SimpleResourceParameterResolverFactory;
import org.axonframework.modelling.command.AggregateAnnotationCommandHandler;
import org.axonframework.modelling.command.Repository;

/**
 * A real Axon command side without Spring: a command bus, an event store over a storage engine, and the
 * service's {@link LedgerCommands}, so reaction tests can show that the aggregates refuse what they already did.
 */
public final class TestAxon {

    private static final BillingProperties PROPERTIES = BillingProperties.defaults();

    private final SimpleCommandBus commandBus = SimpleCommandBus.builder().build();
    private final EventStore eventStore;
    private final LedgerCommands commands;

    private TestAxon(EventStorageEngine storage) {
        this.eventStore = EmbeddedEventStore.builder().storageEngine(storage).build();
        this.commands = new LedgerCommands(DefaultCommandGateway.builder().commandBus(commandBus).build(),
                new PlatformProperties.Command(java.time.Duration.ofSeconds(10), java.time.Duration.ofSeconds(5), 3));
    }

    /** Billing accounts over an in-memory event store. */
    public static TestAxon withAccounts() {
        TestAxon axon = new TestAxon(new InMemoryEventStorageEngine());
        axon.register(BillingAccount.class, EventSourcingRepository.builder(BillingAccount.class)
                .eventStore(axon.eventStore).parameterResolverFactory(parameters(BillingAccount.class)).build());
        return axon;
    }

    /** No aggregates yet, over {@code storage}; {@link #register} adds them. */
    public static TestAxon over(EventStorageEngine storage) {
        return new TestAxon(storage);
    }

    /** Resolves handler parameters as the service does, with the default {@link BillingProperties}. */
    public static ParameterResolverFactory parameters(Class<?> aggregateType) {
        return MultiParameterResolverFactory.ordered(ClasspathParameterResolverFactory.forClass(aggregateType),
                new SimpleResourceParameterResolverFactory(Set.of(PROPERTIES)));
    }

    public <T> void register(Class<T> aggregateType, Repository<T> repository) {
        AggregateAnnotationCommandHandler.<T>builder().aggregateType(aggregateType).repository(repository)
                .parameterResolverFactory(parameters(aggregateType)).build().subscribe(commandBus);
    }

    /** Stores {@code events} as the stream of {@code aggregateId} from sequence 0, as if commands had. */
    public void given(String aggregateType, String aggregateId, LedgerEvent... events) {
        for (int sequence = 0; sequence < events.length; sequence++) {
            eventStore.publish(new GenericDomainEventMessage<>(aggregateType, aggregateId, sequence,
                    events[sequence]));
        }
    }

    /** Every event payload stored for {@code aggregateId}, in order. */
    public List<Object> stream(String aggregateId) {
        return eventStore.readEvents(aggregateId).asStream().map(message -> (Object) message.getPayload()).toList();
    }

    public EventStore eventStore() {
        return eventStore;
    }

    public LedgerCommands commands() {
        return commands;
    }
}
