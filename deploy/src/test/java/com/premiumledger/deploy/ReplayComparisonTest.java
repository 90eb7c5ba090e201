package com.premiumledger.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.premiumledger.events.Topics;
import com.premiumledger.platform.consumer.EventConsumers;
import com.premiumledger.platform.rebuild.RebuildableProjection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.bson.Document;
import com.premiumledger.platform.embedded.EmbeddedKafkaBroker;
import com.premiumledger.platform.embedded.EmbeddedMongoServer;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Nothing lost, nothing applied twice (issue 13): after a workload through every service's HTTP API, a replay copy
 * of each service (replay-only: its rebuildable projections alone, into a database of its own) reads the whole
 * topics from offset zero, and every projection's collections must equal the live ones document by document. The
 * live projections saw each event first in order and then whatever was redelivered; the replay sees each event
 * once in large batches. A handler that is not idempotent, or that depends on how events were batched, differs.
 */
class ReplayComparisonTest {

    private static final Duration PATIENCE = Duration.ofSeconds(60);
    private static final Set<String> TOPICS = Set.of(Topics.BILLING, Topics.PAYMENTS, Topics.COVERAGE, Topics.NOTICES);

    /**
     * Fields, by collection, that record how the events were processed rather than what they said; the only ones
     * left out of the comparison. {@code account_payments.version} is the optimistic-concurrency counter of an
     * account's payment list: it counts store writes, so once the projection folds a batch into one write it
     * depends on how the events were batched (small live polls against the replay's large ones), not on the events.
     * (With one write per event, as on this branch, it still matches.) No other projection field records processing:
     * times such as {@code createdAt} and {@code recordedAt} come from the event's envelope.
     */
    private static final Map<String, Set<String>> PROCESSING_FIELDS = Map.of("account_payments", Set.of("version"));

    /**
     * Array fields, by collection, whose order is the order in which events of different partitions were handled,
     * not anything the events said; compared as sets. {@code coverage_by_status.accountIds} lists the accounts in a
     * status in the order their changes arrived, and accounts on different partitions arrive interleaved as the
     * consumer's polls happen to fetch them (the live group and the replay fetch differently).
     */
    private static final Map<String, Set<String>> ORDER_FREE_FIELDS = Map.of("coverage_by_status", Set.of("accountIds"));

    /**
     * A status document whose account list is empty says the same as no document: accounts that entered and left
     * a status between two of the live group's batches leave it behind, while the replay's larger batches may
     * never create it. Both read as "no account in this status".
     */
    private static final Map<String, String> EMPTY_MEANS_ABSENT = Map.of("coverage_by_status", "accountIds");

    private final Http http = new Http();

    @Test
    void replayingTheWholeTopicsRebuildsEveryProjectionAsTheLiveOne() throws Exception {
        // A broker and store of its own: its closed days must not move the business date of other tests' systems.
        java.nio.file.Path kafkaData = java.nio.file.Files.createTempDirectory("replay-e2e-kafka");
        try (EmbeddedKafkaBroker kafka = EmbeddedKafkaBroker.start(kafkaData, 0, 3);
             EmbeddedMongoServer mongo = EmbeddedMongoServer.start(null, 0);
             RunningSystem system = RunningSystem.start(Map.of(
                     "spring.kafka.bootstrap-servers", kafka.bootstrapServers(),
                     "spring.data.mongodb.uri", mongo.connectionString(),
                     "premium.consumer.partitions", "3"));
             Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, system.kafkaBootstrapServers()))) {
            String suffix = UUID.randomUUID().toString().substring(0, 8).toUpperCase();
            List<String> accounts = List.of("RPL-C" + suffix, "RPL-D" + suffix);
            // First, and patient: the first command of a fresh JVM on a busy machine can outlast the client's timeout.
            accounts.forEach(account -> openAccount(system, account));
            new EndToEndScenario(system).run();
            reversedPaymentAndAMissedBill(system, accounts.get(0), accounts.get(1));
            List<ConfigurableApplicationContext> live = new ArrayList<>();
            for (int service = RunningSystem.BILLING; service <= RunningSystem.NOTIFICATION; service++) {
                live.add(system.context(service));
            }
            awaitQuiet(admin, live);
            Map<TopicPartition, Long> endsBeforeReplay = ends(admin, TOPICS);

            String run = Integer.toString(ThreadLocalRandom.current().nextInt(100_000, 999_999));
            List<ConfigurableApplicationContext> replays = new ArrayList<>();
            for (int service = RunningSystem.BILLING; service <= RunningSystem.NOTIFICATION; service++) {
                replays.add(system.startReplay(service, "replay_" + service + "_" + run));
            }
            await().atMost(PATIENCE).pollInterval(Duration.ofMillis(500)).until(() -> caughtUp(admin, replays));
            // A replay copy decides, sends and publishes nothing.
            assertThat(ends(admin, TOPICS)).isEqualTo(endsBeforeReplay);

            List<String> differences = new ArrayList<>();
            for (int service = 0; service < live.size(); service++) {
                differences.addAll(compare(live.get(service), replays.get(service)));
            }
            assertThat(differences).as("projection documents that differ between live and replay").isEmpty();
        }
    }

    /**
     * Beyond the end-to-end scenario: account C pays a bill by ACH and the payment comes back NSF, and account D's
     * first bill stays unpaid past its due date, so billing re-opens a bill and coverage and notices move again.
     */
    private void reversedPaymentAndAMissedBill(RunningSystem system, String accountC, String accountD) {
        for (String account : List.of(accountC, accountD)) {
            assertThat(http.post(Http.SERVICE, system.billing() + "/accounts/" + account + "/bills", Map.of(
                    "coverageMonth", "2027-03", "grossPremiumCents", 50_000, "subsidyCents", 30_000)).status())
                    .isEqualTo(201);
            await().atMost(PATIENCE).until(() ->
                    http.get(Http.AUDITOR, system.payment() + "/accounts/" + account + "/payments").status() == 200);
        }
        Http.Response paid = http.post(Http.SERVICE, system.payment() + "/payments", Map.of("accountId", accountC,
                "amountCents", 20_000, "method", "ACH", "channel", "ONLINE", "bankAccountLastFour", "6789"),
                Map.of("Idempotency-Key", UUID.randomUUID().toString()));
        assertThat(paid.status()).as("pay: %s", paid.body()).isEqualTo(201);
        await().atMost(PATIENCE).until(() -> balance(system, accountC, "openCents") == 0);
        Http.Response reversed = http.post(Http.SERVICE, system.payment() + "/payments/" + paid.body().get("paymentId")
                + "/reversal", Map.of("reason", "NSF"), Map.of("Idempotency-Key", UUID.randomUUID().toString()));
        assertThat(reversed.status()).as("reverse: %s", reversed.body()).isBetween(200, 202);
        await().atMost(PATIENCE).until(() -> balance(system, accountC, "openCents") == 20_000);
        assertThat(http.post(Http.OPERATOR, system.billing() + "/calendar/days/2027-02-25/close", null).status())
                .isEqualTo(200);
        // D never paid its first bill: its enrollment is cancelled rather than put in grace.
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(coverageStatus(system, accountD)).isEqualTo("CANCELLED"));
    }

    /** Opens {@code account}, again after a client timeout (then the first attempt may have opened it: 409). */
    private void openAccount(RunningSystem system, String account) {
        Map<String, Object> request = Map.of("accountId", account, "holderName", "Member " + account,
                "program", "APTC", "coverageStart", "2027-01-01", "language", "en",
                "email", account.toLowerCase() + "@example.org");
        await().atMost(PATIENCE).ignoreExceptions().until(() ->
                Set.of(201, 409).contains(http.post(Http.SERVICE, system.billing() + "/accounts", request).status()));
    }

    private long balance(RunningSystem system, String account, String field) {
        Http.Response response = http.get(Http.AUDITOR, system.billing() + "/accounts/" + account + "/balance");
        return response.status() == 200 ? ((Number) response.body().get(field)).longValue() : -1;
    }

    private String coverageStatus(RunningSystem system, String account) {
        Http.Response response = http.get(Http.AUDITOR, system.coverage() + "/accounts/" + account + "/coverage");
        return response.status() == 200 ? (String) response.body().get("status") : "HTTP " + response.status();
    }

    /**
     * Waits until every live consumer group has read its topics to the end and the topics stopped growing for two
     * polls in a row: a group's handler may cause an event its outbox publishes after the group committed.
     */
    private static void awaitQuiet(Admin admin, List<ConfigurableApplicationContext> services) {
        AtomicReference<Map<TopicPartition, Long>> previous = new AtomicReference<>(Map.of());
        await().atMost(PATIENCE).pollInterval(Duration.ofSeconds(1)).until(() -> {
            Map<TopicPartition, Long> now = ends(admin, TOPICS);
            boolean quiet = now.equals(previous.getAndSet(now));
            return quiet && caughtUp(admin, services);
        });
    }

    /** Whether every processing group of these services has committed the end of every partition it reads. */
    private static boolean caughtUp(Admin admin, List<ConfigurableApplicationContext> services) throws Exception {
        for (ConfigurableApplicationContext service : services) {
            for (Map.Entry<String, List<String>> group : service.getBean(EventConsumers.class).liveGroups().entrySet()) {
                Map<TopicPartition, OffsetAndMetadata> committed =
                        admin.listConsumerGroupOffsets(group.getKey()).partitionsToOffsetAndMetadata().get();
                for (Map.Entry<TopicPartition, Long> end : ends(admin, Set.copyOf(group.getValue())).entrySet()) {
                    OffsetAndMetadata offset = committed.get(end.getKey());
                    if ((offset == null ? 0 : offset.offset()) < end.getValue()) {
                        return false;
                    }
                }
            }
        }
        return true;
    }

    private static Map<TopicPartition, Long> ends(Admin admin, Set<String> topics) throws InterruptedException,
            ExecutionException {
        Map<TopicPartition, OffsetSpec> request = new HashMap<>();
        admin.describeTopics(topics).allTopicNames().get().forEach((topic, description) -> description.partitions()
                .forEach(partition -> request.put(new TopicPartition(topic, partition.partition()), OffsetSpec.latest())));
        Map<TopicPartition, Long> ends = new HashMap<>();
        admin.listOffsets(request).all().get().forEach((partition, info) -> ends.put(partition, info.offset()));
        return ends;
    }

    /** Every difference between the live and the replayed collections of every projection of one service. */
    private static List<String> compare(ConfigurableApplicationContext live, ConfigurableApplicationContext replay) {
        Map<String, RebuildableProjection> replayed = new HashMap<>();
        replay.getBeansOfType(RebuildableProjection.class).values()
                .forEach(projection -> replayed.put(projection.name(), projection));
        Map<String, RebuildableProjection> projections = live.getBeansOfType(RebuildableProjection.class);
        assertThat(projections).as("rebuildable projections of %s", live.getId()).isNotEmpty();
        List<String> differences = new ArrayList<>();
        for (RebuildableProjection projection : projections.values()) {
            RebuildableProjection copy = replayed.get(projection.name());
            assertThat(copy).as("replay copy of %s", projection.name()).isNotNull();
            long documents = 0;
            for (String collection : projection.collectionNames()) {
                Map<String, Document> expected = documents(projection, collection);
                Map<String, Document> actual = documents(copy, collection);
                documents += expected.size();
                differences.addAll(differences(projection.name() + "/" + collection, expected, actual));
            }
            assertThat(documents).as("live documents of %s", projection.name()).isPositive();
        }
        return differences;
    }

    private static Map<String, Document> documents(RebuildableProjection projection, String collection) {
        Set<String> ignored = PROCESSING_FIELDS.getOrDefault(collection, Set.of());
        Set<String> orderFree = ORDER_FREE_FIELDS.getOrDefault(collection, Set.of());
        Map<String, Document> documents = new TreeMap<>();
        for (Document document : projection.collections().collection(collection).find()) {
            ignored.forEach(document::remove);
            orderFree.stream().filter(field -> document.get(field) instanceof List<?>).forEach(field ->
                    document.put(field, ((List<?>) document.get(field)).stream().map(String::valueOf).sorted().toList()));
            String listField = EMPTY_MEANS_ABSENT.get(collection);
            if (listField != null && document.get(listField) instanceof List<?> list && list.isEmpty()) {
                continue;
            }
            documents.put(String.valueOf(document.get("_id")), document);
        }
        return documents;
    }

    private static List<String> differences(String where, Map<String, Document> live, Map<String, Document> replay) {
        List<String> differences = new ArrayList<>();
        Set<String> ids = new TreeSet<>(live.keySet());
        ids.addAll(replay.keySet());
        for (String id : ids) {
            Document expected = live.get(id);
            Document actual = replay.get(id);
            if (expected == null || actual == null) {
                differences.add(where + " " + id + ": only in " + (expected == null ? "replay" : "live"));
                continue;
            }
            Set<String> fields = new TreeSet<>(expected.keySet());
            fields.addAll(actual.keySet());
            for (String field : fields) {
                if (!Objects.equals(expected.get(field), actual.get(field))) {
                    differences.add(where + " " + id + " ." + field + ": live " + expected.get(field) + ", replay "
                            + actual.get(field));
                }
            }
        }
        return differences;
    }
}
