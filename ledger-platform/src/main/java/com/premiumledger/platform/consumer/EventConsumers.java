package com.premiumledger.platform.consumer;

import com.premiumledger.platform.PlatformProperties;
import com.premiumledger.events.EnvelopeException;
import com.premiumledger.events.Topics;
import com.premiumledger.platform.rebuild.ProjectionCollections;
import com.premiumledger.platform.rebuild.RebuildableProjection;
import com.premiumledger.platform.web.RuleViolation;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;
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
import org.springframework.util.backoff.ExponentialBackOff;

/**
 * Runs one Kafka consumer per processing group ({@link EventStreamHandler#processingGroup()}): consumer group
 * {@code <spring.application.name>.<group>} reads the topics of all the group's handlers and hands each poll batch
 * to each of them ({@link GroupListener}). A record that still fails after the configured retries goes to
 * {@code <topic>.dlt} with the exception in its headers, and the consumer moves on; a record that is not a
 * readable event goes there at once.
 *
 * <p>A rebuild runs one more consumer for one {@link RebuildableProjection} alone, under a group of its own, into
 * the fresh copy ({@link #startRebuild}); it never dead-letters. The switch stops the projection's processing group
 * ({@link #stopLive}), lets the rebuild catch up with it, and starts the group again ({@link #resumeLive}); the
 * projection then writes to the fresh copy, and what the group delivers again is dropped by the projection's guard.
 */
public class EventConsumers implements SmartLifecycle {

    private final Map<String, EventStreamHandler> handlers = new LinkedHashMap<>();
    private final Map<String, Group> groups = new LinkedHashMap<>();
    private final ConsumerFactory<String, byte[]> consumerFactory;
    private final PlatformProperties.Consumer properties;
    private final String applicationName;
    private final MeterRegistry meters;
    private volatile boolean running;

    /** One processing group: its handlers, its listener and its running container. */
    private record Group(String id, List<String> topics, GroupListener listener,
                         ConcurrentMessageListenerContainer<String, byte[]> container) {
    }

    public EventConsumers(List<EventStreamHandler> handlers, ConsumerFactory<String, byte[]> consumerFactory,
                          KafkaOperations<String, byte[]> deadLetterTemplate, PlatformProperties.Consumer properties,
                          String applicationName, MeterRegistry meters) {
        this.consumerFactory = consumerFactory;
        this.properties = properties;
        this.applicationName = applicationName;
        this.meters = meters;
        Map<String, List<EventStreamHandler>> byGroup = new LinkedHashMap<>();
        for (EventStreamHandler handler : handlers) {
            if (properties.replayOnly() && !handler.replayable()) {
                continue;
            }
            if (this.handlers.put(handler.name(), handler) != null) {
                throw new IllegalStateException("two event handlers are named " + handler.name());
            }
            byGroup.computeIfAbsent(handler.processingGroup(), group -> new ArrayList<>()).add(handler);
        }
        if (byGroup.size() > properties.processingGroupsMax()) {
            throw new IllegalStateException(byGroup.size() + " processing groups " + byGroup.keySet()
                    + ", at most " + properties.processingGroupsMax() + " (premium.consumer.processing-groups-max)");
        }
        byGroup.forEach((name, members) -> groups.put(name, liveGroup(name, members, deadLetterTemplate)));
    }

    private Group liveGroup(String name, List<EventStreamHandler> members,
                            KafkaOperations<String, byte[]> deadLetterTemplate) {
        String groupId = applicationName + "." + name;
        List<GroupListener.Target> targets = members.stream()
                .map(handler -> new GroupListener.Target(handler, handler::handle, handler::handleAll)).toList();
        GroupListener listener = new GroupListener(name, targets, meters);
        List<String> topics = topicsOf(members);
        ConcurrentMessageListenerContainer<String, byte[]> container = container(topics, groupId, listener);
        // Registered up front so a dashboard shows zero, not "no data", until the first dead letter.
        topics.forEach(topic -> deadLetterCounter(name, topic));
        DeadLetterPublishingRecoverer recoverer = new DeadLetterPublishingRecoverer(deadLetterTemplate,
                (record, exception) -> {
                    deadLetterCounter(name, record.topic()).increment();
                    return new TopicPartition(Topics.deadLetter(record.topic()), -1);
                });
        container.setCommonErrorHandler(errorHandler(recoverer::accept));
        return new Group(groupId, topics, listener, container);
    }

    private static List<String> topicsOf(List<? extends EventStreamHandler> members) {
        Set<String> topics = new LinkedHashSet<>();
        members.forEach(handler -> topics.addAll(handler.topics()));
        return List.copyOf(topics);
    }

    /** The consumer group of the processing group {@code handlerName} belongs to. */
    public String liveGroupId(String handlerName) {
        return groupOf(handlerName).id();
    }

    /** The consumer group of a rebuild of {@code projectionName} into copy {@code generation}. */
    public String rebuildGroupId(String projectionName, int generation) {
        return applicationName + "." + projectionName + ".r" + generation;
    }

    /** Every live consumer group with its topics (for the lag gauge). */
    public Map<String, List<String>> liveGroups() {
        Map<String, List<String>> live = new LinkedHashMap<>();
        groups.values().forEach(group -> live.put(group.id(), group.topics()));
        return live;
    }

    private Group groupOf(String handlerName) {
        EventStreamHandler handler = handlers.get(handlerName);
        if (handler == null) {
            throw new IllegalArgumentException("no event handler " + handlerName + " in this service");
        }
        return groups.get(handler.processingGroup());
    }

    private ConcurrentMessageListenerContainer<String, byte[]> container(List<String> topics, String groupId,
                                                                          GroupListener listener) {
        ContainerProperties containerProperties = new ContainerProperties(topics.toArray(String[]::new));
        containerProperties.setGroupId(groupId);
        // Offsets are committed once per poll, after every handler handled the whole batch. A crash mid-batch
        // delivers the batch again, which every handler's own guard drops.
        containerProperties.setAckMode(ContainerProperties.AckMode.BATCH);
        containerProperties.setMessageListener(listener);
        ConcurrentMessageListenerContainer<String, byte[]> container =
                new ConcurrentMessageListenerContainer<>(consumerFactory, containerProperties);
        container.setConcurrency(properties.concurrency());
        container.setBeanName(groupId.replace('.', '-'));
        return container;
    }

    private DefaultErrorHandler errorHandler(BiConsumer<ConsumerRecord<?, ?>, Exception> recoverer) {
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

    private Counter deadLetterCounter(String group, String topic) {
        return Counter.builder("ledger.consumer.dead.letters")
                .description("Records a processing group gave up on and sent to the dead-letter topic, by group"
                        + " and original topic")
                .tags("handler", group, "topic", topic)
                .register(meters);
    }

    /**
     * Starts consuming every topic of {@code projection} from offset zero into the fresh copy {@code into}, under
     * the group of {@code generation}. A record it cannot handle goes to {@code onFailure} instead of a
     * dead-letter topic: a rebuild publishes nothing.
     */
    public ConcurrentMessageListenerContainer<String, byte[]> startRebuild(RebuildableProjection projection,
            int generation, ProjectionCollections into, Consumer<Exception> onFailure) {
        GroupListener listener = new GroupListener(projection.name() + "-rebuild", List.of(new GroupListener.Target(
                projection, event -> projection.handle(event, into), events -> projection.handleAll(events, into))),
                meters);
        ConcurrentMessageListenerContainer<String, byte[]> container =
                container(List.copyOf(projection.topics()), rebuildGroupId(projection.name(), generation), listener);
        container.setCommonErrorHandler(errorHandler((record, exception) -> onFailure.accept(new IllegalStateException(
                "record " + record.topic() + "-" + record.partition() + "@" + record.offset() + " failed: "
                        + GroupListener.rootMessage(exception), exception))));
        container.start();
        return container;
    }

    /** Stops the processing group of {@code handlerName}; the group keeps the offsets it committed. */
    public void stopLive(String handlerName) {
        groupOf(handlerName).container().stop();
    }

    /** Starts the processing group of {@code handlerName} again after {@link #stopLive}. */
    public void resumeLive(String handlerName) {
        if (running) {
            groupOf(handlerName).container().start();
        }
    }

    /**
     * Handles one record again through the processing group that dead-lettered it, exactly as its listener would:
     * every handler's guard drops what it already applied, so a retry is always safe.
     */
    public void redeliver(String consumerGroup, ConsumerRecord<String, byte[]> record) {
        groups.values().stream().filter(group -> group.id().equals(consumerGroup)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no consumer group " + consumerGroup
                        + " in this service"))
                .listener().onRecord(record);
    }

    @Override
    public void start() {
        groups.values().forEach(group -> group.container().start());
        running = true;
    }

    @Override
    public void stop() {
        groups.values().forEach(group -> group.container().stop());
        running = false;
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
