package com.premiumledger.platform.consumer;

import com.premiumledger.events.CloudEventsCodec;
import com.premiumledger.events.EnvelopeException;
import com.premiumledger.events.EventEnvelope;
import com.premiumledger.events.Topics;
import com.premiumledger.platform.web.RuleViolation;
import org.axonframework.modelling.command.AggregateNotFoundException;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.springframework.context.SmartLifecycle;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.listener.ConcurrentMessageListenerContainer;
import org.springframework.kafka.listener.ContainerProperties;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.listener.MessageListener;
import org.springframework.util.backoff.ExponentialBackOff;

/**
 * Runs one Kafka listener container per {@link EventStreamHandler}. A record that still fails after the
 * configured retries goes to {@code <topic>.dlt} with the exception in its headers, and the consumer
 * moves on; a record that is not a readable event goes there at once.
 */
public class EventConsumers implements SmartLifecycle {

    private final List<ConcurrentMessageListenerContainer<String, byte[]>> containers = new ArrayList<>();
    private final java.util.Map<String, GatedListener> listenersByGroup = new java.util.HashMap<>();
    private volatile boolean running;

    public EventConsumers(List<EventStreamHandler> handlers, ConsumerFactory<String, byte[]> consumerFactory,
                          KafkaOperations<String, byte[]> deadLetterTemplate, StreamGate gate,
                          ConsumerProperties properties, String applicationName, MeterRegistry meters) {
        for (EventStreamHandler handler : handlers) {
            ConcurrentMessageListenerContainer<String, byte[]> container = container(handler, consumerFactory,
                    deadLetterTemplate, gate, properties, applicationName, meters);
            containers.add(container);
            listenersByGroup.put(container.getContainerProperties().getGroupId(),
                    (GatedListener) container.getContainerProperties().getMessageListener());
        }
    }

    private static ConcurrentMessageListenerContainer<String, byte[]> container(
            EventStreamHandler handler, ConsumerFactory<String, byte[]> consumerFactory,
            KafkaOperations<String, byte[]> deadLetterTemplate, StreamGate gate, ConsumerProperties properties,
            String applicationName, MeterRegistry meters) {
        ContainerProperties containerProperties = new ContainerProperties(handler.topics().toArray(String[]::new));
        containerProperties.setGroupId(applicationName + "." + handler.name());
        // Offsets are committed once per poll, after every record of it was handled (a commit per record costs a
        // broker round trip each and capped a consumer at a few hundred records a second). A crash mid-batch
        // replays the batch's handled records, which the gate drops as duplicates.
        containerProperties.setAckMode(ContainerProperties.AckMode.BATCH);
        containerProperties.setMessageListener(new GatedListener(handler, gate, meters));
        ConcurrentMessageListenerContainer<String, byte[]> container =
                new ConcurrentMessageListenerContainer<>(consumerFactory, containerProperties);
        container.setConcurrency(properties.concurrency());
        container.setBeanName(applicationName + "-" + handler.name());
        // Registered up front so a dashboard shows zero, not "no data", until the first dead letter.
        handler.topics().forEach(topic -> deadLetterCounter(meters, handler, topic));
        DeadLetterPublishingRecoverer recoverer = new DeadLetterPublishingRecoverer(deadLetterTemplate,
                (record, exception) -> {
                    deadLetterCounter(meters, handler, record.topic()).increment();
                    return new TopicPartition(Topics.deadLetter(record.topic()), -1);
                });
        ExponentialBackOff backOff = new ExponentialBackOff(properties.retryBackoff().toMillis(), 2.0);
        backOff.setMaxAttempts(properties.retryAttempts() - 1);
        DefaultErrorHandler errorHandler = new DefaultErrorHandler(recoverer, backOff);
        // After a record went to the dead-letter topic, commit past it (and what was handled before it in the
        // batch) at once, so a restart does not send it there again.
        errorHandler.setCommitRecovered(true);
        // Retrying cannot change these answers: unreadable records, and commands the domain refused.
        errorHandler.addNotRetryableExceptions(EnvelopeException.class, RuleViolation.class,
                AggregateNotFoundException.class);
        container.setCommonErrorHandler(errorHandler);
        return container;
    }

    private static Counter deadLetterCounter(MeterRegistry meters, EventStreamHandler handler, String topic) {
        return Counter.builder("ledger.consumer.dead.letters")
                .description("Records a consumer gave up on and sent to the dead-letter topic, by handler and"
                        + " original topic")
                .tags("handler", handler.name(), "topic", topic)
                .register(meters);
    }

    /**
     * Handles one record again through the consumer group that dead-lettered it, exactly as the listener
     * would: the gate still drops what was already applied, so a retry is always safe.
     */
    public void redeliver(String consumerGroup, ConsumerRecord<String, byte[]> record) {
        GatedListener listener = listenersByGroup.get(consumerGroup);
        if (listener == null) {
            throw new IllegalArgumentException("no consumer group " + consumerGroup + " in this service");
        }
        listener.onMessage(record);
    }

    /** Decodes, gates and hands on one record. */
    static final class GatedListener implements MessageListener<String, byte[]> {

        private final EventStreamHandler handler;
        private final StreamGate gate;
        private final MeterRegistry meters;

        GatedListener(EventStreamHandler handler, StreamGate gate, MeterRegistry meters) {
            this.handler = handler;
            this.gate = gate;
            this.meters = meters;
        }

        @Override
        public void onMessage(ConsumerRecord<String, byte[]> record) {
            EventEnvelope envelope = CloudEventsCodec.fromRecord(record);
            ReceivedEvent event = new ReceivedEvent(envelope, record.topic(), record.partition(), record.offset());
            if (!handler.ordered()) {
                handler.handle(event);
                count("handled");
                return;
            }
            // A broadcast event's copies share id and sequence: one stream per partition if the handler wants
            // every copy, else the first copy is the event and the others are duplicates.
            String stream = handler.broadcastPerPartition() && event.broadcast()
                    ? event.aggregateId() + "|p" + event.partition() : event.aggregateId();
            StreamGate.Decision decision = gate.offer(handler.name(), stream, event);
            if (decision instanceof StreamGate.Ready ready) {
                for (ReceivedEvent next : ready.events()) {
                    handler.handle(next);
                    gate.advance(handler.name(), stream, next);
                    count("handled");
                }
            } else if (decision instanceof StreamGate.Parked) {
                count("parked");
            } else {
                count("duplicate");
            }
        }

        private void count(String outcome) {
            Counter.builder("ledger.consumer.events")
                    .description("Records a consumer received, by handler and outcome (handled, parked behind a"
                            + " gap, duplicate dropped)")
                    .tags("handler", handler.name(), "outcome", outcome)
                    .register(meters).increment();
        }
    }

    @Override
    public void start() {
        containers.forEach(ConcurrentMessageListenerContainer::start);
        running = true;
    }

    @Override
    public void stop() {
        containers.forEach(ConcurrentMessageListenerContainer::stop);
        running = false;
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
