package com.premiumledger.platform.testing;

import com.premiumledger.events.CloudEventsCodec;
import com.premiumledger.events.EventEnvelope;
import com.premiumledger.events.EventTypes;
import com.premiumledger.events.LedgerEvent;
import com.premiumledger.events.PartitionBroadcast;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/** Produces real CloudEvents records, reads topics back, and tells when a consumer group got past a record. */
public final class TestEvents implements AutoCloseable {

    public static final String SOURCE = "/premium-ledger/test";

    private final String bootstrapServers;
    private final KafkaProducer<String, byte[]> producer;
    private final Admin admin;
    private final Map<RecordMetadata, List<RecordMetadata>> broadcastCopies = new ConcurrentHashMap<>();

    public TestEvents(String bootstrapServers) {
        this.bootstrapServers = bootstrapServers;
        this.producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class));
        this.admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers));
    }

    public static EventEnvelope envelope(String aggregateId, long sequence, LedgerEvent payload) {
        return new EventEnvelope(UUID.randomUUID().toString(), EventTypes.typeOf(payload.getClass()), SOURCE,
                payload.streamKey(), Instant.now(), aggregateId, sequence, null, null, payload);
    }

    /**
     * Sends and waits for the broker's acknowledgement, returning where the record landed. A
     * {@link PartitionBroadcast} event goes to every partition, as the outbox publishes it; the answer is then
     * the last copy's position, and {@link #consumedPast} checks every copy.
     */
    public RecordMetadata send(String topic, EventEnvelope envelope) {
        try {
            ProducerRecord<String, byte[]> record = CloudEventsCodec.toRecord(topic, envelope);
            if (!(envelope.payload() instanceof PartitionBroadcast)) {
                return producer.send(record).get();
            }
            List<RecordMetadata> copies = new ArrayList<>();
            for (PartitionInfo partition : producer.partitionsFor(topic)) {
                copies.add(producer.send(new ProducerRecord<>(topic, partition.partition(), record.key(),
                        record.value(), new RecordHeaders(record.headers().toArray()))).get());
            }
            RecordMetadata last = copies.get(copies.size() - 1);
            broadcastCopies.put(last, copies);
            return last;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Sends one record to one given partition, as one copy of a broadcast event (a test that needs copies to
     * arrive in a chosen order across partitions sends them one by one).
     */
    public RecordMetadata sendTo(String topic, int partition, EventEnvelope envelope) {
        ProducerRecord<String, byte[]> record = CloudEventsCodec.toRecord(topic, envelope);
        try {
            return producer.send(new ProducerRecord<>(topic, partition, record.key(), record.value(),
                    record.headers())).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The number of partitions of {@code topic}. */
    public int partitions(String topic) {
        return producer.partitionsFor(topic).size();
    }

    /** True once {@code group} committed an offset past {@code record}: the record was handled. */
    public boolean consumedPast(String group, RecordMetadata record) throws Exception {
        for (RecordMetadata copy : broadcastCopies.getOrDefault(record, List.of(record))) {
            if (!consumedPastOne(group, copy)) {
                return false;
            }
        }
        return true;
    }

    private boolean consumedPastOne(String group, RecordMetadata record) throws Exception {
        TopicPartition partition = new TopicPartition(record.topic(), record.partition());
        Map<TopicPartition, OffsetAndMetadata> offsets =
                admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get();
        OffsetAndMetadata committed = offsets.get(partition);
        return committed != null && committed.offset() > record.offset();
    }

    /** Every record on {@code topic} with key {@code key}, from the beginning of the log to its current end. */
    public List<ConsumerRecord<String, byte[]>> readAll(String topic, String key) {
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false))) {
            List<TopicPartition> partitions = new ArrayList<>();
            for (PartitionInfo info : consumer.partitionsFor(topic)) {
                partitions.add(new TopicPartition(topic, info.partition()));
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            List<ConsumerRecord<String, byte[]>> found = new ArrayList<>();
            while (partitions.stream().anyMatch(partition -> consumer.position(partition) < ends.get(partition))) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    if (key.equals(record.key())) {
                        found.add(record);
                    }
                }
            }
            return found;
        }
    }

    @Override
    public void close() {
        producer.close();
        admin.close();
    }
}
