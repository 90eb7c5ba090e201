package com.premiumledger.platform;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoDatabase;
import com.premiumledger.events.Topics;
import com.premiumledger.platform.command.LedgerCommands;
import com.premiumledger.platform.consumer.EventConsumers;
import com.premiumledger.platform.consumer.EventStreamHandler;
import com.premiumledger.platform.eventstore.MongoEventStorageEngine;
import com.premiumledger.platform.eventstore.OutboxMarkers;
import com.premiumledger.platform.history.AggregateHistory;
import com.premiumledger.platform.idempotency.IdempotencyProperties;
import com.premiumledger.platform.idempotency.IdempotentRequests;
import com.premiumledger.platform.metrics.ConsumerLagMeter;
import com.premiumledger.platform.metrics.PrometheusConformance;
import com.premiumledger.platform.operations.DeadLetters;
import com.premiumledger.platform.operations.OperationsController;
import com.premiumledger.platform.operations.Republisher;
import com.premiumledger.platform.outbox.KafkaCommitPublisher;
import com.premiumledger.platform.rebuild.ProjectionRebuilds;
import com.premiumledger.platform.rebuild.ProjectionStore;
import com.premiumledger.platform.rebuild.RebuildableProjection;
import com.premiumledger.platform.web.CorrelationFilter;
import com.premiumledger.platform.web.ProblemHandler;
import com.premiumledger.platform.web.RequestSizeLimitFilter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.kafka.KafkaClientMetrics;
import io.micrometer.core.instrument.config.MeterFilter;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.messaging.correlation.SimpleCorrelationDataProvider;
import org.axonframework.springboot.autoconfig.AxonAutoConfiguration;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.kafka.KafkaAutoConfiguration;
import org.springframework.boot.autoconfigure.kafka.KafkaProperties;
import org.springframework.boot.autoconfigure.mongo.MongoAutoConfiguration;
import org.springframework.boot.autoconfigure.mongo.MongoProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.core.env.Environment;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.core.MicrometerConsumerListener;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * The plumbing every service shares: the {@code _id}-keyed event store with its Kafka outbox, the
 * in-order consumers, the topics, and problem+json errors. Services add only their own domain.
 */
@AutoConfiguration(before = AxonAutoConfiguration.class,
        after = {MongoAutoConfiguration.class, KafkaAutoConfiguration.class})
@EnableScheduling
@EnableConfigurationProperties({PlatformProperties.class, IdempotencyProperties.class})
public class LedgerPlatformAutoConfiguration {

    /**
     * A service uses the broker and store it is given and never starts its own (the local stack starts them and
     * passes their addresses; tests start them through the platform's test-jar), so a missing address is a
     * mistake, not a reason to fall back on something in memory.
     */
    @Bean
    MongoDatabase ledgerMongoDatabase(MongoClient client, MongoProperties properties, Environment environment) {
        List<String> missing = Stream.of("spring.kafka.bootstrap-servers", "spring.data.mongodb.uri")
                .filter(key -> !environment.containsProperty(key)).toList();
        if (!missing.isEmpty()) {
            throw new IllegalStateException("no address configured for " + missing + " (environment: "
                    + "SPRING_KAFKA_BOOTSTRAP_SERVERS, SPRING_DATA_MONGODB_URI); a service never starts a broker or a"
                    + " store of its own: run deploy/local-stack.sh, or point it at real servers");
        }
        return client.getDatabase(properties.getMongoClientDatabase());
    }

    @Bean(destroyMethod = "close")
    Producer<String, byte[]> ledgerEventProducer(KafkaProperties kafka, MeterRegistry meters,
                                                 PlatformProperties platform) {
        Map<String, Object> config = kafka.buildProducerProperties(null);
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        // Never lose or reorder an acknowledged event: all replicas, idempotent producer.
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.putIfAbsent(ProducerConfig.LINGER_MS_CONFIG, 1);
        // A command is accepted once stored; with the broker away, sending must not hold the request:
        // the outbox marker stays and the sweeper publishes later.
        config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, platform.outbox().producerMaxBlock().toMillis());
        KafkaProducer<String, byte[]> producer = new KafkaProducer<>(config);
        new KafkaClientMetrics(producer).bindTo(meters);
        return producer;
    }

    @Bean
    OutboxMarkers outboxMarkers(MongoDatabase database, PlatformProperties platform) {
        return new OutboxMarkers(database, platform.outbox().sweepMinAge(), platform.outbox().predecessorWait(),
                Clock.systemUTC());
    }

    @Bean
    KafkaCommitPublisher kafkaCommitPublisher(Producer<String, byte[]> ledgerEventProducer, OutboxMarkers markers,
            PlatformProperties platform, MeterRegistry meters, ObjectProvider<MongoEventStorageEngine> storage) {
        return new KafkaCommitPublisher(ledgerEventProducer, markers, platform.outbox(), meters,
                commitId -> storage.getObject().findCommit(commitId));
    }

    @Bean
    MongoEventStorageEngine eventStorageEngine(MongoDatabase database, KafkaCommitPublisher publisher,
            OutboxMarkers markers, PlatformProperties platform) {
        return new MongoEventStorageEngine(database, publisher, platform.eventstore().readBatchSize(),
                platform.eventstore().eventsPerCommitMax(), markers);
    }

    @Bean
    DefaultKafkaConsumerFactory<String, byte[]> ledgerConsumerFactory(KafkaProperties kafka, MeterRegistry meters) {
        Map<String, Object> config = kafka.buildConsumerProperties(null);
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        // The topics are the log: a new consumer group reads it from the start.
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        DefaultKafkaConsumerFactory<String, byte[]> factory = new DefaultKafkaConsumerFactory<>(config);
        // Consumer lag per topic and partition, and the rest of the client's metrics, on /actuator/prometheus.
        factory.addListener(new MicrometerConsumerListener<>(meters));
        return factory;
    }

    @Bean
    KafkaTemplate<String, byte[]> deadLetterTemplate(KafkaProperties kafka) {
        Map<String, Object> config = kafka.buildProducerProperties(null);
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        return new KafkaTemplate<>(new DefaultKafkaProducerFactory<>(config));
    }

    /** Which copy of each rebuildable projection is in use; projections resolve their collections here. */
    @Bean
    ProjectionStore projectionStore(MongoDatabase database) {
        return new ProjectionStore(database);
    }

    @Bean
    EventConsumers eventConsumers(ObjectProvider<EventStreamHandler> handlers,
            DefaultKafkaConsumerFactory<String, byte[]> ledgerConsumerFactory,
            KafkaTemplate<String, byte[]> deadLetterTemplate, PlatformProperties platform,
            @Value("${spring.application.name}") String applicationName, MeterRegistry meters) {
        return new EventConsumers(handlers.orderedStream().toList(), ledgerConsumerFactory, deadLetterTemplate,
                platform.consumer(), applicationName, meters);
    }

    /** Projection rebuilds: the coordinator and its endpoints. */
    @Bean
    ProjectionRebuilds projectionRebuilds(ObjectProvider<RebuildableProjection> projections, ProjectionStore store,
            EventConsumers consumers, Admin ledgerAdmin, PlatformProperties platform, MeterRegistry meters) {
        return new ProjectionRebuilds(projections.orderedStream().toList(), store, consumers, ledgerAdmin,
                platform.rebuild(), meters, Clock.systemUTC());
    }

    /** The broker's admin client: consumer offsets for the lag gauge and rebuilds. */
    @Bean(destroyMethod = "close")
    Admin ledgerAdmin(KafkaProperties kafka) {
        return Admin.create(kafka.buildAdminProperties(null));
    }

    /** Idempotency-Key handling for the services' money-moving POSTs, kept in each service's own database. */
    @Bean
    IdempotentRequests idempotentRequests(MongoDatabase database, IdempotencyProperties properties,
                                          ObjectProvider<Clock> clock) {
        return new IdempotentRequests(database, properties, clock.getIfAvailable(Clock::systemUTC));
    }

    /** Reading one aggregate's stored events as of an instant, for the services' history endpoints. */
    @Bean
    AggregateHistory aggregateHistory(MongoEventStorageEngine storage, PlatformProperties platform) {
        return new AggregateHistory(storage, platform.history());
    }

    /** Meter names and descriptions that pass {@code promtool check metrics}. */
    @Bean
    MeterFilter prometheusConformance() {
        return new PrometheusConformance();
    }

    /** Consumer lag per processing group, topic and partition. */
    @Bean
    ConsumerLagMeter consumerLagMeter(Admin ledgerAdmin, ObjectProvider<EventConsumers> consumers,
            PlatformProperties platform, MeterRegistry meters) {
        return new ConsumerLagMeter(ledgerAdmin, () -> consumers.getObject().liveGroups(), platform.metrics(), meters);
    }

    /** Every topic and its dead-letter twin, kept forever; creating an existing topic is a no-op. */
    @Bean
    KafkaAdmin.NewTopics ledgerTopics(PlatformProperties platform) {
        PlatformProperties.Consumer properties = platform.consumer();
        List<NewTopic> topics = new ArrayList<>();
        for (String name : List.of(Topics.BILLING, Topics.PAYMENTS, Topics.COVERAGE, Topics.NOTICES)) {
            for (String topic : List.of(name, Topics.deadLetter(name))) {
                topics.add(new NewTopic(topic, properties.partitions(), properties.replicationFactor())
                        .configs(Map.of(TopicConfig.RETENTION_MS_CONFIG, "-1")));
            }
        }
        return new KafkaAdmin.NewTopics(topics.toArray(NewTopic[]::new));
    }

    @Bean
    DeadLetters deadLetters(DefaultKafkaConsumerFactory<String, byte[]> ledgerConsumerFactory, EventConsumers consumers,
            MongoDatabase database, @Value("${spring.application.name}") String applicationName,
            PlatformProperties platform) {
        return new DeadLetters(ledgerConsumerFactory, consumers, database, applicationName,
                platform.operations().deadLettersMax());
    }

    @Bean
    Republisher republisher(MongoEventStorageEngine storage, KafkaCommitPublisher publisher, MongoDatabase database,
            PlatformProperties platform) {
        return new Republisher(storage, publisher, database, platform.operations().republishCommitsMax());
    }

    @Bean
    OperationsController operationsController(DeadLetters deadLetters, Republisher republisher,
            ProjectionRebuilds rebuilds) {
        return new OperationsController(deadLetters, republisher, rebuilds);
    }

    /** Correlation (trace) and causation ids of every command travel to the events it causes. */
    @Bean
    CorrelationDataProvider causationProvider() {
        return new LedgerCommands.CausationProvider();
    }

    @Bean
    LedgerCommands ledgerCommands(CommandGateway commandGateway, PlatformProperties platform) {
        return new LedgerCommands(commandGateway, platform.command());
    }

    @Bean
    FilterRegistrationBean<CorrelationFilter> correlationFilter() {
        FilterRegistrationBean<CorrelationFilter> registration = new FilterRegistrationBean<>(new CorrelationFilter());
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 1);
        return registration;
    }

    /** Who issued a command travels to every event it caused, for the audit trail. */
    @Bean
    CorrelationDataProvider issuedByProvider() {
        return new SimpleCorrelationDataProvider("issuedBy");
    }

    @Bean
    FilterRegistrationBean<RequestSizeLimitFilter> requestSizeLimitFilter(
            @Value("${premium.http.max-request-bytes:65536}") long maxRequestBytes, ObjectMapper objectMapper) {
        FilterRegistrationBean<RequestSizeLimitFilter> registration =
                new FilterRegistrationBean<>(new RequestSizeLimitFilter(maxRequestBytes, objectMapper));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }

    @Bean
    ProblemHandler problemHandler() {
        return new ProblemHandler();
    }
}
