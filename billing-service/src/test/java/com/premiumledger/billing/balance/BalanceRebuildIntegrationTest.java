package com.premiumledger.billing.balance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.premiumledger.billing.balance.AccountHistory.AccountState;
import com.premiumledger.billing.balance.AccountHistory.HistoryResponse;
import com.premiumledger.platform.rebuild.ProjectionStore;
import java.time.Duration;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.bson.Document;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.ActiveProfiles;

/**
 * Rebuilding the balance projection while bills keep being issued: queries are answered throughout and never go
 * back, and the rebuilt copy equals the old one plus the new events (each account's view equals its history
 * re-derived from the event store). Its own database and application name, so that no other cached context of
 * this JVM shares the collections or consumer groups it switches.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.config.name=premium-platform,billing-service",
        "spring.application.name=billing-rebuild-test",
        "spring.data.mongodb.database=billing-rebuild-test",
        "premium.rebuild.progress-sample-interval=200ms",
        "premium.rebuild.switch-remaining-max=5"})
@ActiveProfiles("local")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BalanceRebuildIntegrationTest {

    private static final Duration PATIENCE = Duration.ofSeconds(60);
    private static final String ACCOUNT_VIEWS = "account-views";
    private static final ParameterizedTypeReference<Map<String, Object>> JSON = new ParameterizedTypeReference<>() {
    };

    @Autowired
    TestRestTemplate rest;
    @Autowired
    AccountViewProjection projection;
    @Autowired
    ProjectionStore store;
    @Autowired
    MongoDatabase database;

    private final List<String> loaded = new ArrayList<>();
    private String quiet;

    @BeforeAll
    void someAccountsWithABill() {
        for (int i = 0; i < 30; i++) {
            String accountId = newAccountId();
            open(accountId);
            issueBill(accountId, YearMonth.of(2031, 1));
            loaded.add(accountId);
        }
        quiet = loaded.remove(loaded.size() - 1);
        loaded.forEach(accountId -> awaitBills(accountId, 1));
        awaitBills(quiet, 1);
    }

    @Test
    void theBalanceProjectionIsRebuiltUnderLoadWhileQueriesAreAnswered() throws Exception {
        int generationBefore = store.generation(ACCOUNT_VIEWS);
        MongoCollection<Document> before = projection.collections().collection(AccountViewProjection.COLLECTION);
        String oldCollection = before.getNamespace().getCollectionName();
        Map<String, Document> snapshot = new HashMap<>();
        before.find().forEach(document -> snapshot.put(document.getString("_id"), document));
        Map<String, Object> quietBalance = balance(quiet).getBody();

        // Commands keep flowing: bills for the loaded accounts, one after another.
        AtomicBoolean stop = new AtomicBoolean();
        Map<String, AtomicInteger> billsIssued = new ConcurrentHashMap<>();
        loaded.forEach(accountId -> billsIssued.put(accountId, new AtomicInteger(1)));
        AtomicInteger issuedAfterSwitch = new AtomicInteger();
        AtomicBoolean switched = new AtomicBoolean();
        Queue<String> failures = new ConcurrentLinkedQueue<>();
        Thread loader = new Thread(() -> {
            for (int round = 1; !stop.get(); round++) {
                for (String accountId : loaded) {
                    if (stop.get()) {
                        return;
                    }
                    ResponseEntity<String> response = billResponse(accountId, YearMonth.of(2031, 1).plusMonths(round));
                    if (response.getStatusCode() != HttpStatus.CREATED) {
                        failures.add("bill for " + accountId + ": " + response.getStatusCode() + response.getBody());
                        return;
                    }
                    billsIssued.get(accountId).incrementAndGet();
                    if (switched.get()) {
                        issuedAfterSwitch.incrementAndGet();
                    }
                }
            }
        }, "bill-loader");
        // Queries are answered throughout: the quiet account never changes, a loaded one never goes back.
        List<ResponseEntity<Map<String, Object>>> quietAnswers = new ArrayList<>();
        List<Long> loadedSequences = new ArrayList<>();
        String watched = loaded.get(0);
        Thread poller = new Thread(() -> {
            while (!stop.get()) {
                quietAnswers.add(balance(quiet));
                ResponseEntity<Map<String, Object>> answer = balance(watched);
                if (answer.getStatusCode() != HttpStatus.OK) {
                    failures.add("balance of " + watched + ": " + answer.getStatusCode() + answer.getBody());
                } else {
                    loadedSequences.add(((Number) answer.getBody().get("asOfSequence")).longValue());
                }
            }
        }, "balance-poller");
        loader.start();
        poller.start();
        try {
            ResponseEntity<Map<String, Object>> started = operator("/operations/projections/account-views/rebuild",
                    HttpMethod.POST);
            assertThat(started.getStatusCode()).as("%s", started.getBody()).isEqualTo(HttpStatus.ACCEPTED);
            assertThat(started.getBody()).containsEntry("state", "RUNNING")
                    .containsEntry("generation", generationBefore);
            int rebuilt = (Integer) started.getBody().get("rebuildGeneration");
            assertThat(rebuilt).isGreaterThan(generationBefore);

            assertProblem(operator("/operations/projections/account-views/rebuild", HttpMethod.POST),
                    HttpStatus.CONFLICT, "rebuild-running");

            Map<String, Object> done = await().atMost(PATIENCE).pollInterval(Duration.ofMillis(50))
                    .until(() -> operator("/operations/projections/account-views", HttpMethod.GET).getBody(),
                            status -> List.of("DONE", "FAILED").contains(status.get("state")));
            switched.set(true);
            assertThat(done).as("%s", done).containsEntry("state", "DONE").containsEntry("generation", rebuilt);
            assertThat(((Number) done.get("eventsProcessed")).longValue()).isGreaterThanOrEqualTo(60);
            assertThat(store.generation(ACCOUNT_VIEWS)).isEqualTo(rebuilt);

            // The live consumer goes on from where the rebuild stopped: later bills reach the new copy.
            await().atMost(PATIENCE).until(() -> issuedAfterSwitch.get() >= loaded.size());
        } finally {
            stop.set(true);
            loader.join();
            poller.join();
        }
        assertThat(failures).isEmpty();
        assertThat(quietAnswers).isNotEmpty().allSatisfy(answer -> {
            assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.OK);
            assertThat(answer.getBody()).isEqualTo(quietBalance);
        });
        assertThat(loadedSequences).isNotEmpty().isSorted();

        assertThat(database.listCollectionNames().into(new ArrayList<>())).doesNotContain(oldCollection)
                .contains(ProjectionStore.physicalName(AccountViewProjection.COLLECTION,
                        store.generation(ACCOUNT_VIEWS)));
        // Nothing lost, nothing doubled: every loaded account has each of its bills once, as its events say.
        for (String accountId : loaded) {
            AccountView view = awaitBills(accountId, billsIssued.get(accountId).get());
            assertThat(AccountState.of(view)).isEqualTo(history(accountId).account());
        }
        // Everything else is exactly as it was in the old copy.
        MongoCollection<Document> after = projection.collections().collection(AccountViewProjection.COLLECTION);
        for (Map.Entry<String, Document> old : snapshot.entrySet()) {
            if (!loaded.contains(old.getKey())) {
                assertThat(after.find(new Document("_id", old.getKey())).first()).isEqualTo(old.getValue());
            }
        }
        assertThat(balance(quiet).getBody()).isEqualTo(quietBalance);
    }

    @Test
    void aCancelledRebuildDropsItsPartialCopyAndLeavesTheLiveOne() {
        int live = store.generation("ledger-views");
        ResponseEntity<Map<String, Object>> started = operator("/operations/projections/ledger-views/rebuild",
                HttpMethod.POST);
        assertThat(started.getStatusCode()).as("%s", started.getBody()).isEqualTo(HttpStatus.ACCEPTED);
        int copy = (Integer) started.getBody().get("rebuildGeneration");

        ResponseEntity<Map<String, Object>> cancelled = operator("/operations/projections/ledger-views/rebuild",
                HttpMethod.DELETE);
        assertThat(cancelled.getStatusCode()).as("%s", cancelled.getBody()).isEqualTo(HttpStatus.OK);
        assertThat(cancelled.getBody()).containsEntry("state", "CANCELLED").containsEntry("generation", live);
        assertThat(database.listCollectionNames().into(new ArrayList<>()))
                .doesNotContain(ProjectionStore.physicalName("ledger_views", copy));
        assertThat(store.generation("ledger-views")).isEqualTo(live);
        assertThat(operator("/operations/projections/ledger-views", HttpMethod.GET).getBody())
                .containsEntry("state", "CANCELLED");
        assertProblem(operator("/operations/projections/ledger-views/rebuild", HttpMethod.DELETE),
                HttpStatus.CONFLICT, "no-rebuild-running");

        // The live ledger still answers and still follows new events.
        String accountId = loaded.get(1);
        ResponseEntity<Map<String, Object>> ledger = rest.withBasicAuth("auditor", "auditor-local-only")
                .exchange("/accounts/" + accountId + "/ledger", HttpMethod.GET, null, JSON);
        assertThat(ledger.getStatusCode()).isEqualTo(HttpStatus.OK);
    }

    @Test
    void unknownProjectionsAre404AndOnlyOperatorsMayRebuild() {
        assertProblem(operator("/operations/projections/no-such-projection/rebuild", HttpMethod.POST),
                HttpStatus.NOT_FOUND, "projection-not-found");
        assertProblem(operator("/operations/projections/no-such-projection", HttpMethod.GET),
                HttpStatus.NOT_FOUND, "projection-not-found");
        assertProblem(operator("/operations/projections/no-such-projection/rebuild", HttpMethod.DELETE),
                HttpStatus.NOT_FOUND, "projection-not-found");
        // Handlers that decide or send commands are not rebuildable.
        assertProblem(operator("/operations/projections/missed-payment-decisions/rebuild", HttpMethod.POST),
                HttpStatus.NOT_FOUND, "projection-not-found");

        Map<String, Object> list = operator("/operations/projections", HttpMethod.GET).getBody();
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> projections = (List<Map<String, Object>>) list.get("projections");
        assertThat(projections).extracting(projection -> projection.get("projection"))
                .containsExactly("account-views", "ledger-views");

        assertThat(rest.withBasicAuth("auditor", "auditor-local-only").exchange(
                "/operations/projections/account-views/rebuild", HttpMethod.POST, null, JSON).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
    }

    private AccountView awaitBills(String accountId, int bills) {
        return await().atMost(PATIENCE).until(() -> projection.documents().find(accountId).orElse(null),
                view -> view != null && view.bills().size() == bills);
    }

    private static String newAccountId() {
        return "REB-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
    }

    private void open(String accountId) {
        ResponseEntity<String> response = rest.withBasicAuth("service", "service-local-only").postForEntity(
                "/accounts", Map.of("accountId", accountId, "holderName", "Member " + accountId, "program", "APTC",
                        "coverageStart", "2027-01-01", "language", "en", "email", "member@example.org"),
                String.class);
        assertThat(response.getStatusCode()).as("%s", response.getBody()).isEqualTo(HttpStatus.CREATED);
    }

    private void issueBill(String accountId, YearMonth month) {
        ResponseEntity<String> response = billResponse(accountId, month);
        assertThat(response.getStatusCode()).as("%s", response.getBody()).isEqualTo(HttpStatus.CREATED);
    }

    private ResponseEntity<String> billResponse(String accountId, YearMonth month) {
        return rest.withBasicAuth("service", "service-local-only").postForEntity("/accounts/" + accountId + "/bills",
                Map.of("coverageMonth", month.toString(), "grossPremiumCents", 50_000, "subsidyCents", 30_000),
                String.class);
    }

    private ResponseEntity<Map<String, Object>> balance(String accountId) {
        return rest.withBasicAuth("auditor", "auditor-local-only")
                .exchange("/accounts/" + accountId + "/balance", HttpMethod.GET, null, JSON);
    }

    private HistoryResponse history(String accountId) {
        ResponseEntity<HistoryResponse> response = rest.withBasicAuth("auditor", "auditor-local-only")
                .getForEntity("/accounts/" + accountId + "/history", HistoryResponse.class);
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        return response.getBody();
    }

    private ResponseEntity<Map<String, Object>> operator(String path, HttpMethod method) {
        return rest.withBasicAuth("operator", "operator-local-only").exchange(path, method, null, JSON);
    }

    private static void assertProblem(ResponseEntity<Map<String, Object>> response, HttpStatus status, String slug) {
        assertThat(response.getStatusCode()).as("%s", response.getBody()).isEqualTo(status);
        assertThat(response.getHeaders().getContentType()).isNotNull();
        assertThat(response.getHeaders().getContentType().isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .isTrue();
        assertThat(response.getBody()).containsEntry("type", "https://premium-ledger.example/problems/" + slug);
    }
}
