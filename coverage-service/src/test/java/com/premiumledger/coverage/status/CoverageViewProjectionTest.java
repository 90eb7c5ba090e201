package com.premiumledger.coverage.status;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import com.premiumledger.coverage.CoverageServiceTest;
import com.premiumledger.coverage.lifecycle.CoverageStatus;
import com.premiumledger.events.CoveragePaidThroughChanged;
import com.premiumledger.events.CoverageStatusChanged;
import com.premiumledger.events.EventEnvelope;
import com.premiumledger.events.EventTypes;
import com.premiumledger.events.Topics;
import com.premiumledger.platform.consumer.ReceivedEvent;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;

/** The projection fed directly, as a crash and a replay would feed it. */
@CoverageServiceTest
class CoverageViewProjectionTest {

    @Autowired
    CoverageViewProjection projection;
    @Autowired
    MongoDatabase database;
    @Autowired
    TestRestTemplate rest;

    static ReceivedEvent changed(String accountId, long sequence, String from, String to, String reason) {
        CoverageStatusChanged payload = new CoverageStatusChanged(accountId, "APTC", from, to, reason,
                LocalDate.of(2027, 1, 1).plusDays(sequence), null, null, LocalDate.of(2027, 1, 31), null,
                "cause-" + sequence);
        return new ReceivedEvent(new EventEnvelope(accountId + "/" + sequence,
                EventTypes.typeOf(CoverageStatusChanged.class), "/premium-ledger/coverage-service", accountId,
                Instant.now(), accountId, sequence, null, null, payload), Topics.COVERAGE, 0, 100 + sequence);
    }

    Document index(CoverageStatus status) {
        Document document = database.getCollection(CoverageViewProjection.BY_STATUS)
                .find(Filters.eq("_id", status.name())).first();
        return document == null ? new Document("accountIds", List.of()) : document;
    }

    @Test
    void theSameEventTwiceAddsOneHistoryEntry() {
        String accountId = "V-" + UUID.randomUUID();
        ReceivedEvent enrolled = changed(accountId, 0, null, "PENDING_PAYMENT", "ENROLLED");
        ReceivedEvent binder = changed(accountId, 1, "PENDING_PAYMENT", "ACTIVE", "BINDER_PAID");
        projection.handle(enrolled);
        projection.handle(enrolled);
        projection.handle(binder);
        projection.handle(binder);
        projection.handle(enrolled);

        CoverageView view = projection.coverage(accountId).orElseThrow();
        assertThat(view.status()).isEqualTo("ACTIVE");
        assertThat(view.since()).isEqualTo(LocalDate.of(2027, 1, 2));
        assertThat(view.history()).extracting(CoverageView.HistoryEntry::eventId)
                .containsExactly(accountId + "/0", accountId + "/1");
        assertThat(view.history().get(1)).isEqualTo(new CoverageView.HistoryEntry("PENDING_PAYMENT", "ACTIVE",
                "BINDER_PAID", LocalDate.of(2027, 1, 2), null, null, LocalDate.of(2027, 1, 31), null, accountId + "/1",
                "cause-1", Topics.COVERAGE, 0, 101));
        assertThat(view.paidThroughDate()).isEqualTo(LocalDate.of(2027, 1, 31));
        assertThat(view.program()).isEqualTo("APTC");
        assertThat(projection.accountsWithStatus(CoverageStatus.ACTIVE)).contains(accountId);
        assertThat(projection.accountsWithStatus(CoverageStatus.PENDING_PAYMENT)).doesNotContain(accountId);
    }

    @Test
    void aBatchHandedAgainOrOlderEventsAfterNewerOnesChangeNothing() {
        String first = "V-" + UUID.randomUUID();
        String second = "V-" + UUID.randomUUID();
        ReceivedEvent enrolled = changed(first, 0, null, "PENDING_PAYMENT", "ENROLLED");
        ReceivedEvent binder = changed(first, 1, "PENDING_PAYMENT", "ACTIVE", "BINDER_PAID");
        ReceivedEvent paidThrough = paidThrough(first, 2, LocalDate.of(2027, 2, 28));
        ReceivedEvent otherEnrolled = changed(second, 0, null, "PENDING_PAYMENT", "ENROLLED");
        List<ReceivedEvent> batch = List.of(enrolled, otherEnrolled, binder, paidThrough);

        projection.handleAll(batch);
        Map<String, Document> stored = stored(first, second);
        projection.handleAll(batch);
        projection.handleAll(List.of(paidThrough, binder, enrolled, otherEnrolled));
        projection.handle(binder);

        assertThat(stored(first, second)).isEqualTo(stored);
        CoverageView view = projection.coverage(first).orElseThrow();
        assertThat(view.status()).isEqualTo("ACTIVE");
        assertThat(view.paidThroughDate()).isEqualTo(LocalDate.of(2027, 2, 28));
        assertThat(view.history()).extracting(CoverageView.HistoryEntry::eventId)
                .containsExactly(first + "/0", first + "/1");
        assertThat(projection.accountsWithStatus(CoverageStatus.ACTIVE)).contains(first).doesNotContain(second);
        assertThat(projection.accountsWithStatus(CoverageStatus.PENDING_PAYMENT)).contains(second)
                .doesNotContain(first);
    }

    static ReceivedEvent paidThrough(String accountId, long sequence, LocalDate paidThroughDate) {
        CoveragePaidThroughChanged payload = new CoveragePaidThroughChanged(accountId, "APTC",
                LocalDate.of(2027, 1, 31), paidThroughDate, LocalDate.of(2027, 2, 1), "cause-" + sequence);
        return new ReceivedEvent(new EventEnvelope(accountId + "/" + sequence,
                EventTypes.typeOf(CoveragePaidThroughChanged.class), "/premium-ledger/coverage-service", accountId,
                Instant.now(), accountId, sequence, null, null, payload), Topics.COVERAGE, 0, 100 + sequence);
    }

    /**
     * The two accounts' views and where the status index lists them, by id (other tests' accounts may move in
     * the index meanwhile, through the live consumer).
     */
    Map<String, Document> stored(String first, String second) {
        Map<String, Document> stored = new TreeMap<>();
        for (Document view : database.getCollection(CoverageViewProjection.VIEWS)
                .find(Filters.in("_id", List.of(first, second)))) {
            stored.put("view/" + view.getString("_id"), view);
        }
        for (CoverageStatus status : CoverageStatus.values()) {
            stored.put("status/" + status, new Document("accountIds", index(status).getList("accountIds",
                    String.class).stream().filter(id -> id.equals(first) || id.equals(second)).toList()));
        }
        return stored;
    }

    @Test
    void aCrashBeforeTheIndexWasWrittenHealsOnTheReplay() {
        String accountId = "V-" + UUID.randomUUID();
        projection.handle(changed(accountId, 0, null, "PENDING_PAYMENT", "ENROLLED"));
        ReceivedEvent binder = changed(accountId, 1, "PENDING_PAYMENT", "ACTIVE", "BINDER_PAID");
        projection.handle(binder);
        // As if the view took the change but the process died before the index did.
        database.getCollection(CoverageViewProjection.BY_STATUS).updateOne(Filters.eq("_id", "ACTIVE"),
                Updates.pull("accountIds", accountId));
        database.getCollection(CoverageViewProjection.BY_STATUS).updateOne(Filters.eq("_id", "PENDING_PAYMENT"),
                Updates.addToSet("accountIds", accountId), new UpdateOptions().upsert(true));

        projection.handle(binder);

        assertThat(projection.accountsWithStatus(CoverageStatus.ACTIVE)).contains(accountId);
        assertThat(projection.accountsWithStatus(CoverageStatus.PENDING_PAYMENT)).doesNotContain(accountId);
        assertThat(projection.coverage(accountId).orElseThrow().history()).hasSize(2);
    }

    @Test
    void aViewWithoutAnyChangeYetIsUnknown() {
        String accountId = "V-" + UUID.randomUUID();
        database.getCollection(CoverageViewProjection.VIEWS).insertOne(new Document("_id", accountId)
                .append("accountId", accountId).append("lastSequence", -1L).append("history", List.of()));
        assertThat(projection.coverage(accountId)).isEmpty();
        assertThat(rest.withBasicAuth("auditor", "auditor-local-only")
                .getForEntity("/accounts/{id}/coverage", JsonNode.class, accountId).getStatusCode().value())
                .isEqualTo(404);

        projection.handle(changed(accountId, 0, null, "PENDING_PAYMENT", "ENROLLED"));
        assertThat(projection.coverage(accountId).orElseThrow().status()).isEqualTo("PENDING_PAYMENT");
    }

    @Test
    void pagesOfAStatusAreOrderedByAccountIdAndBounded() {
        // No other test leaves an account SUSPENDED (the calendar test moves its suspended accounts on).
        String prefix = "S-" + UUID.randomUUID() + "-";
        for (int i = 3; i >= 1; i--) {
            projection.handle(changed(prefix + i, 0, null, "SUSPENDED", "TEST"));
        }
        TestRestTemplate auditor = rest.withBasicAuth("auditor", "auditor-local-only");
        List<String> seen = new ArrayList<>();
        for (int page = 0; page < 3; page++) {
            JsonNode body = auditor.getForEntity("/coverage?status=SUSPENDED&page={page}&size=1", JsonNode.class,
                    page).getBody();
            assertThat(body.get("total").asLong()).isEqualTo(3);
            assertThat(body.get("accountIds")).hasSize(1);
            seen.add(body.get("accountIds").get(0).asText());
        }
        assertThat(seen).containsExactly(prefix + 1, prefix + 2, prefix + 3);
        JsonNode beyond = auditor.getForEntity("/coverage?status=SUSPENDED&page=5&size=2", JsonNode.class).getBody();
        assertThat(beyond.get("accountIds")).isEmpty();
        assertThat(beyond.get("total").asLong()).isEqualTo(3);
        JsonNode defaults = auditor.getForEntity("/coverage?status=SUSPENDED", JsonNode.class).getBody();
        assertThat(defaults.get("size").asInt()).isEqualTo(50);
        assertThat(defaults.get("accountIds")).hasSize(3);
        assertThat(index(CoverageStatus.SUSPENDED).getList("accountIds", String.class)).contains(prefix + 1);
    }
}
