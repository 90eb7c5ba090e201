package com.premiumledger.platform.eventstore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.premiumledger.events.AccountOpened;
import com.premiumledger.events.DayClosed;
import com.premiumledger.platform.testing.EmbeddedMongo;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Commit N+1 of an aggregate is stored only after Kafka acknowledged commit N, whatever happened to N's send. */
class OutboxOrderTest {

    @RegisterExtension
    static final EmbeddedMongo MONGO = new EmbeddedMongo();

    final MongoDatabase database = MONGO.freshDatabase("outbox-order");
    final HeldPublisher publisher = new HeldPublisher();
    final ExecutorService writers = Executors.newSingleThreadExecutor();

    @AfterEach
    void stopWriters() {
        writers.shutdownNow();
    }

    /** Sends nothing until told: each commit's acknowledgement is completed (or failed) by the test. */
    static final class HeldPublisher implements CommitPublisher {
        final Map<String, CompletableFuture<Void>> sends = new ConcurrentHashMap<>();
        final List<String> published = new CopyOnWriteArrayList<>();
        final List<String> publishedAndWaited = new CopyOnWriteArrayList<>();
        final Map<String, String> unreleased = new ConcurrentHashMap<>();

        @Override
        public void publish(StoredCommit commit) {
            sends.put(commit.commitId(), new CompletableFuture<>());
            published.add(commit.commitId());
            unreleased.put(commit.aggregateId(), commit.commitId());
        }

        @Override
        public Optional<String> unreleased(String aggregateId) {
            return Optional.ofNullable(unreleased.get(aggregateId));
        }

        @Override
        public Optional<CompletableFuture<Void>> inFlight(String commitId) {
            return Optional.ofNullable(sends.get(commitId)).filter(send -> !send.isDone());
        }

        @Override
        public void publishAndWait(StoredCommit commit) {
            publishedAndWaited.add(commit.commitId());
        }
    }

    MongoEventStorageEngine engine(Duration predecessorWait, Clock clock) {
        return new MongoEventStorageEngine(database, publisher, 64, 1000,
                new OutboxMarkers(database, Duration.ofSeconds(10), predecessorWait, clock));
    }

    static GenericDomainEventMessage<?> event(String aggregateId, long sequence) {
        Object payload = sequence == 0
                ? new AccountOpened(aggregateId, "Holder", "APTC", LocalDate.of(2027, 1, 1), "en", null, "test")
                : new DayClosed(LocalDate.of(2027, 1, 1).plusDays(sequence), null, "test");
        return new GenericDomainEventMessage<>("TestAccount", aggregateId, sequence, payload);
    }

    @Test
    void theNextCommitWaitsForThePreviousOnesAcknowledgement() throws Exception {
        MongoEventStorageEngine engine = engine(Duration.ofSeconds(10), Clock.systemUTC());
        engine.appendEvents(List.of(event("A-1", 0)));

        Future<?> second = writers.submit(() -> engine.appendEvents(List.of(event("A-1", 1))));
        await().during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(2)).until(() -> !second.isDone());
        assertThat(engine.findCommit("A-1:1")).as("not stored before A-1:0 is acknowledged").isEmpty();

        publisher.sends.get("A-1:0").complete(null);
        second.get();
        assertThat(engine.findCommit("A-1:1")).isPresent();
        assertThat(publisher.published).containsExactly("A-1:0", "A-1:1");
        assertThat(marker("A-1").getString("commitId")).isEqualTo("A-1:1");
    }

    @Test
    void aFailedSendOfThePreviousCommitIsPublishedByTheNextWriterFirst() throws Exception {
        MongoEventStorageEngine engine = engine(Duration.ofSeconds(10), Clock.systemUTC());
        engine.appendEvents(List.of(event("B-1", 0)));
        publisher.sends.get("B-1:0").completeExceptionally(new IllegalStateException("broker away"));
        // The failed future is done, so this process no longer has B-1:0 in flight: after the wait it publishes.
        MongoEventStorageEngine impatient = engine(Duration.ZERO, Clock.systemUTC());

        impatient.appendEvents(List.of(event("B-1", 1)));

        assertThat(publisher.publishedAndWaited).containsExactly("B-1:0");
        assertThat(publisher.published).containsExactly("B-1:0", "B-1:1");
    }

    @Test
    void aMarkerOfAWriterThatDiedBeforeStoringIsTakenOverOnceOld() {
        database.getCollection(OutboxMarkers.COLLECTION).insertOne(new Document("_id", "C-1")
                .append("aggregateId", "C-1").append("commitId", "C-1:0").append("firstSequence", 0L)
                .append("storedAt", Date.from(Instant.now())));
        MongoEventStorageEngine now = engine(Duration.ofSeconds(1), Clock.systemUTC());
        assertThatThrownBy(() -> now.appendEvents(List.of(event("C-1", 0))))
                .as("a young marker of the same sequence belongs to a live writer")
                .isInstanceOf(AggregateStreamCreationException.class);

        MongoEventStorageEngine later = engine(Duration.ofSeconds(1),
                Clock.fixed(Instant.now().plusSeconds(60), ZoneOffset.UTC));
        later.appendEvents(List.of(event("C-1", 0)));
        assertThat(later.findCommit("C-1:0")).isPresent();
    }

    @Test
    void twoWritersOfTheSameSequenceCollide() {
        MongoEventStorageEngine engine = engine(Duration.ofSeconds(1), Clock.systemUTC());
        engine.appendEvents(List.of(event("D-1", 0)));
        publisher.sends.get("D-1:0").complete(null);
        engine.appendEvents(List.of(event("D-1", 1)));
        publisher.sends.get("D-1:1").complete(null);

        assertThatThrownBy(() -> engine.appendEvents(List.of(event("D-1", 1))))
                .isInstanceOf(ConcurrencyException.class);
        assertThat(engine.readCommits("D-1")).extracting(StoredCommit::commitId).containsExactly("D-1:0", "D-1:1");
    }

    @Test
    void acknowledgedMarkersAreReleasedOnlyIfTheyStillNameTheirCommit() {
        MongoEventStorageEngine engine = engine(Duration.ofSeconds(1), Clock.systemUTC());
        OutboxMarkers markers = new OutboxMarkers(database, Duration.ofSeconds(10), Duration.ofSeconds(1),
                Clock.systemUTC());
        engine.appendEvents(List.of(event("E-1", 0)));
        StoredCommit first = engine.findCommit("E-1:0").orElseThrow();
        publisher.sends.get("E-1:0").complete(null);
        engine.appendEvents(List.of(event("E-1", 1)));

        markers.release(List.of(first));
        assertThat(marker("E-1").getString("commitId")).as("E-1:1 is still unacknowledged").isEqualTo("E-1:1");
        markers.release(List.of(engine.findCommit("E-1:1").orElseThrow()));
        assertThat(database.getCollection(OutboxMarkers.COLLECTION).find(Filters.eq("_id", "E-1")).first()).isNull();
        assertThat(new ArrayList<>(markers.olderThan(Instant.now().plusSeconds(1), 10))).isEmpty();
    }

    private Document marker(String aggregateId) {
        return database.getCollection(OutboxMarkers.COLLECTION).find(Filters.eq("_id", aggregateId)).first();
    }
}
