package com.premiumledger.platform.operations;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import com.premiumledger.events.CloudEventsCodec;
import com.premiumledger.events.Topics;
import com.premiumledger.platform.consumer.EventConsumers;
import com.premiumledger.platform.web.ApiProblem;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.record.TimestampType;
import org.bson.Document;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.support.KafkaHeaders;

/**
 * Lists and retries the dead letters of this service's consumers. The dead-letter topics are shared by
 * every service, so a record belongs here when its original consumer group is one of this service's
 * ({@code <spring.application.name>.<handler>}). Reads are bounded; nothing here commits offsets.
 */
public class DeadLetters {

    private static final List<String> DEAD_LETTER_TOPICS = List.of(Topics.deadLetter(Topics.BILLING),
            Topics.deadLetter(Topics.PAYMENTS), Topics.deadLetter(Topics.COVERAGE), Topics.deadLetter(Topics.NOTICES));
    private static final Duration POLL = Duration.ofMillis(500);

    private final ConsumerFactory<String, byte[]> consumerFactory;
    private final EventConsumers consumers;
    private final MongoCollection<Document> retries;
    private final String groupPrefix;
    private final int listMax;

    public DeadLetters(ConsumerFactory<String, byte[]> consumerFactory, EventConsumers consumers,
                       MongoDatabase database, String applicationName, int listMax) {
        this.consumerFactory = consumerFactory;
        this.consumers = consumers;
        this.retries = database.getCollection("dead_letter_retries");
        this.groupPrefix = applicationName + ".";
        this.listMax = listMax;
    }

    public List<DeadLetter> list() {
        List<DeadLetter> found = new ArrayList<>();
        try (Consumer<String, byte[]> consumer = consumerFactory.createConsumer("dead-letter-reader", null)) {
            List<TopicPartition> partitions = new ArrayList<>();
            for (String topic : DEAD_LETTER_TOPICS) {
                for (PartitionInfo info : consumer.partitionsFor(topic, Duration.ofSeconds(10))) {
                    partitions.add(new TopicPartition(topic, info.partition()));
                }
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            while (found.size() < listMax && !reachedEnd(consumer, ends)) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(POLL)) {
                    if (mine(record) && found.size() < listMax) {
                        found.add(describe(record));
                    }
                }
            }
        }
        return found;
    }

    private static boolean reachedEnd(Consumer<String, byte[]> consumer, Map<TopicPartition, Long> ends) {
        for (Map.Entry<TopicPartition, Long> end : ends.entrySet()) {
            if (consumer.position(end.getKey()) < end.getValue()) {
                return false;
            }
        }
        return true;
    }

    /** Handles the record again through the consumer group that gave up on it. */
    public DeadLetter retry(String id) {
        ConsumerRecord<String, byte[]> record = read(id);
        if (!mine(record)) {
            throw ApiProblem.notFound("dead-letter-not-found", "no dead letter " + id + " in this service");
        }
        String group = text(record, KafkaHeaders.DLT_ORIGINAL_CONSUMER_GROUP);
        ConsumerRecord<String, byte[]> original = new ConsumerRecord<>(text(record, KafkaHeaders.DLT_ORIGINAL_TOPIC),
                number(record, KafkaHeaders.DLT_ORIGINAL_PARTITION).intValue(),
                number(record, KafkaHeaders.DLT_ORIGINAL_OFFSET),
                record.timestamp(), TimestampType.CREATE_TIME, 0, 0, record.key(), record.value(), record.headers(),
                Optional.empty());
        consumers.redeliver(group, original);
        retries.replaceOne(Filters.eq("_id", id), new Document("_id", id).append("retriedAt", new Date()),
                new ReplaceOptions().upsert(true));
        return describe(record);
    }

    private ConsumerRecord<String, byte[]> read(String id) {
        String[] parts = id.split(":");
        if (parts.length != 3 || !DEAD_LETTER_TOPICS.contains(parts[0])) {
            throw ApiProblem.badRequest("invalid-dead-letter-id", "a dead letter id is <topic>:<partition>:<offset>");
        }
        TopicPartition partition;
        long offset;
        try {
            partition = new TopicPartition(parts[0], Integer.parseInt(parts[1]));
            offset = Long.parseLong(parts[2]);
        } catch (NumberFormatException e) {
            throw ApiProblem.badRequest("invalid-dead-letter-id", "a dead letter id is <topic>:<partition>:<offset>");
        }
        try (Consumer<String, byte[]> consumer = consumerFactory.createConsumer("dead-letter-reader", null)) {
            consumer.assign(List.of(partition));
            consumer.seek(partition, offset);
            ConsumerRecords<String, byte[]> records = consumer.poll(Duration.ofSeconds(5));
            for (ConsumerRecord<String, byte[]> record : records) {
                if (record.offset() == offset) {
                    return record;
                }
            }
        }
        throw ApiProblem.notFound("dead-letter-not-found", "no dead letter " + id);
    }

    private boolean mine(ConsumerRecord<String, byte[]> record) {
        String group = text(record, KafkaHeaders.DLT_ORIGINAL_CONSUMER_GROUP);
        return group != null && group.startsWith(groupPrefix);
    }

    private DeadLetter describe(ConsumerRecord<String, byte[]> record) {
        String id = record.topic() + ":" + record.partition() + ":" + record.offset();
        Document retried = retries.find(Filters.eq("_id", id)).first();
        return new DeadLetter(id,
                text(record, KafkaHeaders.DLT_ORIGINAL_TOPIC),
                Optional.ofNullable(number(record, KafkaHeaders.DLT_ORIGINAL_PARTITION)).map(Long::intValue).orElse(null),
                number(record, KafkaHeaders.DLT_ORIGINAL_OFFSET),
                text(record, KafkaHeaders.DLT_ORIGINAL_CONSUMER_GROUP),
                record.key(),
                text(record, CloudEventsCodec.H_ID),
                text(record, CloudEventsCodec.H_TYPE),
                text(record, KafkaHeaders.DLT_EXCEPTION_FQCN),
                text(record, KafkaHeaders.DLT_EXCEPTION_MESSAGE),
                Instant.ofEpochMilli(record.timestamp()),
                retried == null ? null : retried.getDate("retriedAt").toInstant());
    }

    private static String text(ConsumerRecord<String, byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    /** A header Spring Kafka wrote as a big-endian int or long. */
    private static Long number(ConsumerRecord<String, byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        if (header == null || (header.value().length != Integer.BYTES && header.value().length != Long.BYTES)) {
            return null;
        }
        ByteBuffer value = ByteBuffer.wrap(header.value());
        return header.value().length == Integer.BYTES ? value.getInt() : value.getLong();
    }
}
