package com.premiumledger.platform.consumer;

import com.premiumledger.events.CloudEventsCodec;
import com.premiumledger.events.EnvelopeException;
import com.premiumledger.events.EventEnvelope;
import com.premiumledger.events.Topics;
import com.premiumledger.platform.rebuild.ProjectionCollections;
import com.premiumledger.platform.rebuild.ProjectionStore;
import com.premiumledger.platform.rebuild.RebuildableProjection;
import com.premiumledger.platform.web.RuleViolation;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.springframework.context.SmartLifecycle;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.listener.ConcurrentMessageListenerContainer;
import org.springframework.kafka.listener.ContainerProperties;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.kafka.listener.BatchMessageListener;
import org.springframework.util.backoff.ExponentialBackOff;

/**
 * Runs one Kafka listener container per {@link EventStreamHandler}. A record that still fails after the
 * configured retries goes to {@code <topic>.dlt} with the exception in its headers, and the consumer
 * moves on; a record that is not a readable event goes there at once.
 *
 * <p>A {@link RebuildableProjection} is consumed by the group and gate name of its copy in use
 * ({@link #groupId}, {@link #gateName}); a rebuild runs one more container for the fresh copy
 * ({@link #startRebuild}), which never dead-letters, and the switch replaces the live container by one of the
 * fresh copy's group ({@link #replaceLive}), which continues exactly where the rebuild stopped.
 */
public class EventConsumers implements SmartLifecycle {

    private final Map<String, EventStreamHandler> handlers = new LinkedHashMap<>();
    private final Map<String, ConcurrentMessageListenerContainer<String, byte[]>> live = new ConcurrentHashMap<>();
    private final Map<String, GatedListener> listenersByGroup = new ConcurrentHashMap<>();
    private final ConsumerFactory<String, byte[]> consumerFactory;
    private final KafkaOperations<String, byte[]> deadLetterTemplate;
    private final StreamGate gate;
    private final ConsumerProperties properties;
    private final String applicationName;
    private final MeterRegistry meters;
    private volatile boolean running;

    public EventConsumers(List<EventStreamHandler> handlers, ConsumerFactory<String, byte[]> consumerFactory,
                          KafkaOperations<String, byte[]> deadLetterTemplate, StreamGate gate,
                          ConsumerProperties properties, String applicationName, MeterRegistry meters,
                          ProjectionStore projections) {
        this.consumerFactory = consumerFactory;
        this.deadLetterTemplate = deadLetterTemplate;
        this.gate = gate;
        this.properties = properties;
        this.applicationName = applicationName;
        this.meters = meters;
        for (EventStreamHandler handler : handlers) {
            this.handlers.put(handler.name(), handler);
            int generation = handler instanceof RebuildableProjection ? projections.generation(handler.name()) : 0;
            live.put(handler.name(), liveContainer(handler, generation));
        }
    }

    /** The consumer group of a handler's copy: generation 0 is the copy made before any rebuild. */
    public String groupId(String handlerName, int generation) {
        return applicationName + "." + gateName(handlerName, generation);
    }

    /** The gate's consumer name of a handler's copy. */
    public static String gateName(String handlerName, int generation) {
        return generation == 0 ? handlerName : handlerName + ".r" + generation;
    }

    /** The live consumer group of every handler, with its topics (for the lag gauge). */
    public Map<String, List<String>> liveGroups() {
        Map<String, List<String>> groups = new LinkedHashMap<>();
        live.forEach((name, container) -> groups.put(container.getContainerProperties().getGroupId(),
                List.copyOf(handlers.get(name).topics())));
        return groups;
    }

    private ConcurrentMessageListenerContainer<String, byte[]> liveContainer(EventStreamHandler handler,
                                                                              int generation) {
        String groupId = groupId(handler.name(), generation);
        GatedListener listener = new GatedListener(handler, gateName(handler.name(), generation), handler.name(),
                new Target(handler::handle, handler::handleAll), gate, meters);
        ConcurrentMessageListenerContainer<String, byte[]> container = container(handler, groupId, listener);
        // Registered up front so a dashboard shows zero, not "no data", until the first dead letter.
        handler.topics().forEach(topic -> deadLetterCounter(meters, handler, topic));
        DeadLetterPublishingRecoverer recoverer = new DeadLetterPublishingRecoverer(deadLetterTemplate,
                (record, exception) -> {
                    deadLetterCounter(meters, handler, record.topic()).increment();
                    return new TopicPartition(Topics.deadLetter(record.topic()), -1);
                });
        container.setCommonErrorHandler(errorHandler(recoverer::accept));
        listenersByGroup.put(groupId, listener);
        return container;
    }

    private ConcurrentMessageListenerContainer<String, byte[]> container(EventStreamHandler handler, String groupId,
                                                                          GatedListener listener) {
        ContainerProperties containerProperties = new ContainerProperties(handler.topics().toArray(String[]::new));
        containerProperties.setGroupId(groupId);
        // Offsets are committed once per poll, after every record of it was handled (a commit per record costs a
        // broker round trip each and capped a consumer at a few hundred records a second). A crash mid-batch
        // replays the batch's handled records, which the gate drops as duplicates.
        containerProperties.setAckMode(ContainerProperties.AckMode.BATCH);
        containerProperties.setMessageListener(listener);
        ConcurrentMessageListenerContainer<String, byte[]> container =
                new ConcurrentMessageListenerContainer<>(consumerFactory, containerProperties);
        container.setConcurrency(properties.concurrency());
        container.setBeanName(groupId.replace('.', '-'));
        return container;
    }

    private DefaultErrorHandler errorHandler(
            java.util.function.BiConsumer<ConsumerRecord<?, ?>, Exception> recoverer) {
        ExponentialBackOff backOff = new ExponentialBackOff(properties.retryBackoff().toMillis(), 2.0);
        backOff.setMaxAttempts(properties.retryAttempts() - 1);
        DefaultErrorHandler errorHandler = new DefaultErrorHandler(recoverer::accept, backOff);
        // After a record went to the dead-letter topic, commit past it (and what was handled before it in the
        // batch) at once, so a restart does not send it there again.
        errorHandler.setCommitRecovered(true);
        // Retrying cannot change these answers: unreadable records, and commands the domain refused.
        errorHandler.addNotRetryableExceptions(EnvelopeException.class, RuleViolation.class,
                AggregateNotFoundException.class);
        return errorHandler;
    }

    private static Counter deadLetterCounter(MeterRegistry meters, EventStreamHandler handler, String topic) {
        return Counter.builder("ledger.consumer.dead.letters")
                .description("Records a consumer gave up on and sent to the dead-letter topic, by handler and"
                        + " original topic")
                .tags("handler", handler.name(), "topic", topic)
                .register(meters);
    }

    /**
     * Starts consuming every topic of {@code projection} from offset zero into the fresh copy {@code into},
     * under the group and gate name of {@code generation}. A record it cannot handle goes to
     * {@code onFailure} instead of a dead-letter topic: a rebuild publishes nothing.
     */
    public ConcurrentMessageListenerContainer<String, byte[]> startRebuild(RebuildableProjection projection,
            int generation, ProjectionCollections into, Consumer<Exception> onFailure) {
        GatedListener listener = new GatedListener(projection, gateName(projection.name(), generation),
                projection.name() + "-rebuild", new Target(event -> projection.handle(event, into),
                        events -> projection.handleAll(events, into)), gate, meters);
        ConcurrentMessageListenerContainer<String, byte[]> container =
                container(projection, groupId(projection.name(), generation), listener);
        container.setCommonErrorHandler(errorHandler((record, exception) -> onFailure.accept(new IllegalStateException(
                "record " + record.topic() + "-" + record.partition() + "@" + record.offset() + " failed: "
                        + rootMessage(exception), exception))));
        container.start();
        return container;
    }

    private static String rootMessage(Throwable exception) {
        Throwable root = exception;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.toString();
    }

    /** Stops the live consumer of {@code handlerName}; its group keeps the offsets it committed. */
    public void stopLive(String handlerName) {
        live.get(handlerName).stop();
    }

    /** Starts the live consumer of {@code handlerName} again after {@link #stopLive}. */
    public void resumeLive(String handlerName) {
        live.get(handlerName).start();
    }

    /** Replaces the (stopped) live consumer by one of the copy {@code generation}, and starts it. */
    public void replaceLive(String handlerName, int generation) {
        ConcurrentMessageListenerContainer<String, byte[]> old = live.get(handlerName);
        old.stop();
        listenersByGroup.remove(old.getContainerProperties().getGroupId());
        ConcurrentMessageListenerContainer<String, byte[]> replacement =
                liveContainer(handlers.get(handlerName), generation);
        live.put(handlerName, replacement);
        if (running) {
            replacement.start();
        }
    }

    /**
     * Handles one record again through the consumer group that dead-lettered it, exactly as the listener
     * would: the gate still drops what was already applied, so a retry is always safe.
     */
    public void redeliver(String consumerGroup, ConsumerRecord<String, byte[]> record) {
        GatedListener listener = listenersByGroup.get(consumerGroup);
        if (listener == null) {
            listener = currentListenerOfCopy(consumerGroup);
        }
        if (listener == null) {
            throw new IllegalArgumentException("no consumer group " + consumerGroup + " in this service");
        }
        listener.onRecord(record);
    }

    /**
     * A group of a copy that a rebuild replaced dead-lettered the record: the live consumer of the same handler
     * handles it now (its gate drops it if the rebuilt copy already holds it).
     */
    private GatedListener currentListenerOfCopy(String consumerGroup) {
        String prefix = applicationName + ".";
        if (!consumerGroup.startsWith(prefix)) {
            return null;
        }
        String handlerName = consumerGroup.substring(prefix.length()).replaceFirst("\\.r\\d+$", "");
        ConcurrentMessageListenerContainer<String, byte[]> container = live.get(handlerName);
        return container == null ? null : listenersByGroup.get(container.getContainerProperties().getGroupId());
    }

    /** Where a listener hands events: one at a time, or a batch at once. */
    record Target(Consumer<ReceivedEvent> one, Consumer<List<ReceivedEvent>> all) {
    }

    /**
     * Decodes, gates and hands on a poll batch with one gate read and one gate write per batch. A handler that
     * {@link EventStreamHandler#handlesBatches} gets the ready events together; should it fail, or should a
     * stream of the batch have parked events or a gap, the batch goes record by record instead. Any other
     * handler gets the events one by one, and when one fails, those before it are recorded as handled. A record
     * that fails is reported by its index, so that only it is retried and dead-lettered.
     */
    static final class GatedListener implements BatchMessageListener<String, byte[]> {

        private final EventStreamHandler handler;
        private final String gateName;
        private final Target target;
        private final StreamGate gate;
        private final Counter handled;
        private final Counter parked;
        private final Counter duplicates;

        GatedListener(EventStreamHandler handler, String gateName, String meterName, Target target,
                      StreamGate gate, MeterRegistry meters) {
            this.handler = handler;
            this.gateName = gateName;
            this.target = target;
            this.gate = gate;
            this.handled = counter(meters, meterName, "handled");
            this.parked = counter(meters, meterName, "parked");
            this.duplicates = counter(meters, meterName, "duplicate");
        }

        @Override
        public void onMessage(List<ConsumerRecord<String, byte[]>> records) {
            List<ReceivedEvent> events = new ArrayList<>(records.size());
            for (int i = 0; i < records.size(); i++) {
                try {
                    events.add(decode(records.get(i)));
                } catch (RuntimeException e) {
                    // What came before the unreadable record is handled and committed; it alone is dead-lettered.
                    handleBatch(events);
                    throw failed(e, i);
                }
            }
            handleBatch(events);
        }

        private void handleBatch(List<ReceivedEvent> events) {
            if (events.isEmpty()) {
                return;
            }
            if (!handler.ordered()) {
                handleOneByOne(events);
                return;
            }
            List<StreamGate.Offer> offers = new ArrayList<>(events.size());
            for (ReceivedEvent event : events) {
                offers.add(new StreamGate.Offer(stream(event), event));
            }
            Optional<StreamGate.BatchDecision> decision = gate.offerAll(gateName, offers);
            if (decision.isEmpty()) {
                handleOneByOne(events);
                return;
            }
            List<ReceivedEvent> ready = decision.get().ready();
            duplicates.increment(decision.get().duplicates());
            if (handler.handlesBatches() && !ready.isEmpty()) {
                try {
                    target.all().accept(ready);
                } catch (RuntimeException e) {
                    // Its writes are guarded: one by one again finds the failing record and redoes nothing.
                    handleOneByOne(events);
                    return;
                }
                handled.increment(ready.size());
            } else {
                handleEach(ready, events);
            }
            gate.advanceAll(gateName, decision.get().nextSequences());
        }

        /**
         * Hands the ready events of {@code batch} one at a time; when one fails, the gate records those before it
         * and the failing record's index in {@code batch} is reported.
         */
        private void handleEach(List<ReceivedEvent> ready, List<ReceivedEvent> batch) {
            Map<String, Long> done = new HashMap<>();
            for (ReceivedEvent event : ready) {
                try {
                    target.one().accept(event);
                } catch (RuntimeException e) {
                    gate.advanceAll(gateName, done);
                    throw failed(e, batch.indexOf(event));
                }
                handled.increment();
                done.put(stream(event), event.sequence() + 1);
            }
        }

        private void handleOneByOne(List<ReceivedEvent> events) {
            for (int i = 0; i < events.size(); i++) {
                try {
                    handleOne(events.get(i));
                } catch (RuntimeException e) {
                    throw failed(e, i);
                }
            }
        }

        /** Handles one record on its own (the slow path, and a dead letter's retry). */
        void onRecord(ConsumerRecord<String, byte[]> record) {
            handleOne(decode(record));
        }

        private void handleOne(ReceivedEvent event) {
            if (!handler.ordered()) {
                target.one().accept(event);
                handled.increment();
                return;
            }
            String stream = stream(event);
            StreamGate.Decision decision = gate.offer(gateName, stream, event);
            if (decision instanceof StreamGate.Ready ready) {
                for (ReceivedEvent next : ready.events()) {
                    target.one().accept(next);
                    gate.advance(gateName, stream, next);
                    handled.increment();
                }
            } else if (decision instanceof StreamGate.Parked) {
                parked.increment();
            } else {
                duplicates.increment();
            }
        }

        /** The failure of the record at {@code index}, which carries its cause's message to the dead letter. */
        private static BatchListenerFailedException failed(RuntimeException cause, int index) {
            return new BatchListenerFailedException(rootMessage(cause), cause, index);
        }

        private static ReceivedEvent decode(ConsumerRecord<String, byte[]> record) {
            EventEnvelope envelope = CloudEventsCodec.fromRecord(record);
            return new ReceivedEvent(envelope, record.topic(), record.partition(), record.offset());
        }

        /**
         * A broadcast event's copies share id and sequence: one stream per partition if the handler wants every
         * copy, else the first copy is the event and the others are duplicates.
         */
        private String stream(ReceivedEvent event) {
            return handler.broadcastPerPartition() && event.broadcast()
                    ? event.aggregateId() + "|p" + event.partition() : event.aggregateId();
        }

        private static Counter counter(MeterRegistry meters, String meterName, String outcome) {
            return Counter.builder("ledger.consumer.events")
                    .description("Records a consumer received, by handler and outcome (handled, parked behind a"
                            + " gap, duplicate dropped)")
                    .tags("handler", meterName, "outcome", outcome)
                    .register(meters);
        }
    }

    @Override
    public void start() {
        live.values().forEach(ConcurrentMessageListenerContainer::start);
        running = true;
    }

    @Override
    public void stop() {
        live.values().forEach(ConcurrentMessageListenerContainer::stop);
        running = false;
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
