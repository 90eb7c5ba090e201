package com.premiumledger.platform.consumer;

import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.TopicPartition;

/** Where consumer groups stand against the log, from the broker (so it counts whichever instance consumes). */
public final class GroupOffsets {

    /** One partition: its first and end offsets, and where a group stands on it. */
    public record Position(long start, long end, long committed) {

        public long consumed() {
            return committed - start;
        }

        public long lag() {
            return Math.max(0, end - committed);
        }
    }

    private final Admin admin;
    private final long timeoutMillis;

    public GroupOffsets(Admin admin, Duration timeout) {
        this.admin = admin;
        this.timeoutMillis = timeout.toMillis();
    }

    /**
     * Every partition of {@code topics} with where {@code group} stands on it; a partition the group never
     * committed on counts from its start (the topics are the log, read from the beginning).
     */
    public Map<TopicPartition, Position> of(String group, Collection<String> topics)
            throws ExecutionException, InterruptedException, TimeoutException {
        Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
        Map<TopicPartition, OffsetSpec> earliest = new HashMap<>();
        admin.describeTopics(topics).allTopicNames().get(timeoutMillis, TimeUnit.MILLISECONDS).values()
                .forEach(description -> description.partitions().forEach(partition -> {
                    TopicPartition topicPartition = new TopicPartition(description.name(), partition.partition());
                    latest.put(topicPartition, OffsetSpec.latest());
                    earliest.put(topicPartition, OffsetSpec.earliest());
                }));
        var ends = admin.listOffsets(latest).all().get(timeoutMillis, TimeUnit.MILLISECONDS);
        var starts = admin.listOffsets(earliest).all().get(timeoutMillis, TimeUnit.MILLISECONDS);
        Map<TopicPartition, Long> committed = committed(group);
        Map<TopicPartition, Position> positions = new HashMap<>();
        ends.forEach((partition, end) -> {
            long start = starts.get(partition).offset();
            positions.put(partition, new Position(start, end.offset(),
                    Math.max(start, committed.getOrDefault(partition, start))));
        });
        return positions;
    }

    /** The offsets {@code group} committed, by partition. */
    public Map<TopicPartition, Long> committed(String group)
            throws ExecutionException, InterruptedException, TimeoutException {
        Map<TopicPartition, Long> positions = new HashMap<>();
        admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata()
                .get(timeoutMillis, TimeUnit.MILLISECONDS).forEach((partition, offset) -> {
                    if (offset != null) {
                        positions.put(partition, offset.offset());
                    }
                });
        return positions;
    }
}
