package com.premiumledger.platform.rebuild;

import com.premiumledger.platform.PlatformProperties;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import com.premiumledger.events.Topics;
import com.premiumledger.platform.consumer.EventConsumers;
import com.premiumledger.platform.consumer.ReceivedEvent;
import com.premiumledger.platform.testapp.TestLedgerApplication;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.kafka.KafkaProperties;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.test.context.ActiveProfiles;

/**
 * What a restart does to rebuild state kept in {@code projection_rebuilds}: a rebuild that was running is not
 * resumed but marked FAILED with a message saying why, and its partial copy (collections and gate state) is
 * dropped; copies not in use are dropped; the copy in use stays.
 */
@SpringBootTest(classes = {TestLedgerApplication.class, ProjectionRebuildRestartTest.Projection.class}, properties = {
        "spring.config.name=premium-platform,test-ledger",
        "spring.application.name=test-ledger-rebuild",
        "spring.data.mongodb.database=platform-rebuild-test",
        "premium.outbox.topic=premium.billing.v1",
        "premium.outbox.source=/premium-ledger/test"})
@ActiveProfiles("local")
class ProjectionRebuildRestartTest {

    static final String NAME = "test-counts";
    static final String COUNTS = "test_counts";

    /** A pure projection: events counted per aggregate. */
    @TestConfiguration
    static class Projection {
        @Bean
        RebuildableProjection testCounts(ProjectionStore store) {
            ProjectionCollections live = store.live(NAME);
            return new RebuildableProjection() {
                @Override
                public List<String> collectionNames() {
                    return List.of(COUNTS);
                }

                @Override
                public ProjectionCollections collections() {
                    return live;
                }

                @Override
                public void handle(ReceivedEvent event, ProjectionCollections into) {
                    into.collection(COUNTS).updateOne(Filters.eq("_id", event.aggregateId()),
                            Updates.max("lastSequence", event.sequence()), new UpdateOptions().upsert(true));
                }

                @Override
                public String name() {
                    return NAME;
                }

                @Override
                public List<String> topics() {
                    return List.of(Topics.BILLING);
                }
            };
        }
    }

    @Autowired
    MongoDatabase database;
    @Autowired
    ProjectionStore store;
    @Autowired
    EventConsumers consumers;
    @Autowired
    KafkaProperties kafka;
    @Autowired
    PlatformProperties platform;
    @Autowired
    Admin ledgerAdmin;
    @Autowired
    List<RebuildableProjection> projections;

    @Test
    void aRebuildInterruptedByARestartIsMarkedFailedAndItsPartialCopyDropped() {
        assertThat(store.begin(NAME, 7, Instant.now())).isTrue();
        assertThat(store.begin(NAME, 8, Instant.now())).as("one rebuild at a time").isFalse();
        database.getCollection(ProjectionStore.physicalName(COUNTS, 7)).insertOne(new Document("_id", "A-1"));
        // Other tests' events are on the shared broker: the live copy must be done counting them first.
        awaitLiveCaughtUp();
        database.getCollection(COUNTS).insertOne(new Document("_id", "LIVE-" + Instant.now().toEpochMilli()));
        long live = database.getCollection(COUNTS).countDocuments();

        ProjectionRebuilds restarted = restart();

        RebuildStatus status = restarted.status(NAME);
        assertThat(status.state()).isEqualTo(RebuildState.FAILED);
        assertThat(status.message()).isEqualTo(ProjectionRebuilds.RESTARTED.formatted("RUNNING"));
        assertThat(status.generation()).isZero();
        assertThat(collections()).doesNotContain(ProjectionStore.physicalName(COUNTS, 7)).contains(COUNTS);
        assertThat(database.getCollection(COUNTS).countDocuments()).isEqualTo(live);
        restarted.close();
    }

    @Test
    void copiesNotInUseAreDroppedOnStart() {
        database.getCollection(ProjectionStore.physicalName(COUNTS, 9)).insertOne(new Document("_id", "A-1"));
        database.getCollection("test_counts_other").insertOne(new Document("_id", "A-1"));

        restart().close();

        assertThat(collections()).doesNotContain(ProjectionStore.physicalName(COUNTS, 9))
                .contains("test_counts_other");
    }

    @Test
    void limitsAreValidated() {
        assertThatThrownBy(() -> new PlatformProperties.Rebuild(1, Duration.ZERO, 0, Duration.ofSeconds(1),
                Duration.ofSeconds(1), Duration.ofSeconds(20))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new PlatformProperties.Rebuild(1, Duration.ofSeconds(1), 0, Duration.ofSeconds(-1),
                Duration.ofSeconds(1), Duration.ofSeconds(20))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new PlatformProperties.Rebuild(1, Duration.ofSeconds(1), 0, Duration.ofSeconds(1),
                Duration.ofSeconds(1), Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
    }

    private ProjectionRebuilds restart() {
        return new ProjectionRebuilds(projections, new ProjectionStore(database), consumers,
                ledgerAdmin, platform.rebuild(), new SimpleMeterRegistry(),
                Clock.systemUTC());
    }

    /** Waits until the live copy's consumer group has committed the end of every partition of its topic. */
    private void awaitLiveCaughtUp() {
        try (Admin admin = Admin.create(kafka.buildAdminProperties(null))) {
            org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> {
                Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(
                        consumers.liveGroupId(NAME)).partitionsToOffsetAndMetadata().get();
                Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
                admin.describeTopics(List.of(Topics.BILLING)).allTopicNames().get().get(Topics.BILLING).partitions()
                        .forEach(p -> latest.put(new TopicPartition(Topics.BILLING, p.partition()), OffsetSpec.latest()));
                var ends = admin.listOffsets(latest).all().get();
                return ends.entrySet().stream().allMatch(end -> end.getValue().offset() == 0
                        || (committed.containsKey(end.getKey())
                        && committed.get(end.getKey()).offset() >= end.getValue().offset()));
            });
        }
    }

    private List<String> collections() {
        return database.listCollectionNames().into(new ArrayList<>());
    }
}
