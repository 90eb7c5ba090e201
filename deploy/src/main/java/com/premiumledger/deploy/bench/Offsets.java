package com.premiumledger.deploy.bench;

import com.premiumledger.deploy.Polling;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupListing;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * Consumer-group positions against the end of the log, read with Kafka's admin client: how far behind the
 * services' consumers are, and how much of the log a rebuild has consumed. Every processing group commits after
 * each poll batch, so committed offsets are exact once a group is idle and at most a batch behind while it reads.
 */
final class Offsets implements AutoCloseable {

    /** What the groups that match have consumed, and what they still have to. */
    record Progress(int groups, long consumed, long lag, long distinctEvents) {
    }

    private final Admin admin;

    Offsets(String bootstrapServers) {
        admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 10_000,
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000));
    }

    /** Records in the given topics (every log starts at offset 0: retention is forever). */
    long records(Set<String> topics) {
        try {
            Map<TopicPartition, OffsetSpec> request = new HashMap<>();
            admin.describeTopics(topics).allTopicNames().get().forEach((topic, description) ->
                    description.partitions().forEach(partition ->
                            request.put(new TopicPartition(topic, partition.partition()), OffsetSpec.latest())));
            return ends(request.keySet()).values().stream().mapToLong(Long::longValue).sum();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        }
    }

    Progress progress(Predicate<String> groupFilter) {
        return progress(groupFilter, topic -> true);
    }

    /** The progress of the matching groups on the topics that match {@code topicFilter} only. */
    Progress progress(Predicate<String> groupFilter, Predicate<String> topicFilter) {
        try {
            List<String> groups = admin.listConsumerGroups().all().get().stream()
                    .map(ConsumerGroupListing::groupId).filter(groupFilter).toList();
            long consumed = 0;
            long lag = 0;
            Map<TopicPartition, Long> ends = null;
            java.util.Set<TopicPartition> distinct = new java.util.HashSet<>();
            for (String group : groups) {
                Map<TopicPartition, OffsetAndMetadata> committed = new HashMap<>();
                admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get().forEach((partition, offset) -> {
                    if (topicFilter.test(partition.topic())) {
                        committed.put(partition, offset);
                    }
                });
                if (ends == null || !ends.keySet().containsAll(committed.keySet())) {
                    ends = ends(allPartitionsOf(committed.keySet()));
                }
                for (TopicPartition partition : allPartitionsOf(committed.keySet())) {
                    OffsetAndMetadata offset = committed.get(partition);
                    long position = offset == null ? 0 : offset.offset();
                    consumed += position;
                    lag += Math.max(0, ends.getOrDefault(partition, 0L) - position);
                    distinct.add(partition);
                }
            }
            long distinctEvents = 0;
            for (TopicPartition partition : distinct) {
                distinctEvents += ends == null ? 0 : ends.getOrDefault(partition, 0L);
            }
            return new Progress(groups.size(), consumed, lag, distinctEvents);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        }
    }

    /** Waits until every group that matches has consumed the log to its end; returns the time it took. */
    Duration awaitCaughtUp(Predicate<String> groupFilter, Duration timeout) throws InterruptedException {
        long start = System.nanoTime();
        boolean caughtUp = Polling.until(timeout, Duration.ofMillis(100), () -> {
            Progress progress = progress(groupFilter);
            return progress.groups() > 0 && progress.lag() == 0;
        });
        if (caughtUp) {
            return Duration.ofNanos(System.nanoTime() - start);
        }
        throw new IllegalStateException("consumers still behind after " + timeout + ": " + progress(groupFilter));
    }

    /** A group that committed on only some partitions of a topic still has to read the others. */
    private Set<TopicPartition> allPartitionsOf(Set<TopicPartition> committed) throws InterruptedException,
            ExecutionException {
        Set<String> topics = committed.stream().map(TopicPartition::topic).collect(Collectors.toSet());
        if (topics.isEmpty()) {
            return Set.of();
        }
        Set<TopicPartition> all = new java.util.HashSet<>();
        admin.describeTopics(topics).allTopicNames().get().forEach((topic, description) ->
                description.partitions().forEach(partition -> all.add(new TopicPartition(topic, partition.partition()))));
        return all;
    }

    private Map<TopicPartition, Long> ends(Set<TopicPartition> partitions) throws InterruptedException,
            ExecutionException {
        Map<TopicPartition, OffsetSpec> request = new HashMap<>();
        partitions.forEach(partition -> request.put(partition, OffsetSpec.latest()));
        Map<TopicPartition, Long> ends = new HashMap<>();
        for (Map.Entry<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> entry
                : admin.listOffsets(request).all().get().entrySet()) {
            ends.put(entry.getKey(), entry.getValue().offset());
        }
        return ends;
    }

    @Override
    public void close() {
        admin.close(Duration.ofSeconds(5));
    }
}
