package com.premiumledger.coverage.status;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.premiumledger.coverage.CoverageServiceTest;
import com.premiumledger.coverage.status.CoverageHistoryController.CoverageHistoryResponse;
import com.premiumledger.events.AccountOpened;
import com.premiumledger.events.BillAllocation;
import com.premiumledger.events.BillIssued;
import com.premiumledger.events.PaymentApplied;
import com.premiumledger.events.PaymentMissed;
import com.premiumledger.events.Topics;
import com.premiumledger.platform.history.HistoryEvent;
import com.premiumledger.platform.testing.TestEvents;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** The coverage history re-derived from the stored events equals the projection, now and earlier. */
@CoverageServiceTest
class CoverageHistoryIntegrationTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final ParameterizedTypeReference<Map<String, Object>> JSON = new ParameterizedTypeReference<>() {
    };

    static TestEvents events;

    @Autowired
    TestRestTemplate rest;
    @Autowired
    CoverageViewProjection projection;

    @BeforeAll
    static void connect(@Autowired Environment environment) {
        events = new TestEvents(environment.getRequiredProperty("spring.kafka.bootstrap-servers"));
    }

    @AfterAll
    static void disconnect() {
        events.close();
    }

    @Test
    void theHistoryEqualsTheProjectionNowAndAsOfAnEarlierInstant() {
        String accountId = "H-" + UUID.randomUUID();
        events.send(Topics.BILLING, TestEvents.envelope(accountId, 0, new AccountOpened(accountId, "Ada Member",
                "APTC", LocalDate.of(2027, 1, 1), "en", null, "service")));
        events.send(Topics.BILLING, bill(accountId, 1, "2027-01", LocalDate.of(2026, 12, 23)));
        events.send(Topics.BILLING, TestEvents.envelope(accountId, 2, new PaymentApplied(accountId, "P-1", 20_000,
                LocalDate.of(2026, 12, 20), List.of(new BillAllocation(accountId + ":2027-01", 20_000, 0)), 0, 0)));
        CoverageView active = awaitStatus(accountId, "ACTIVE");
        Instant between = Instant.now();

        events.send(Topics.BILLING, bill(accountId, 3, "2027-02", LocalDate.of(2027, 1, 23)));
        events.send(Topics.BILLING, TestEvents.envelope(accountId, 4, new PaymentMissed(accountId,
                accountId + ":2027-02", "2027-02", LocalDate.of(2027, 1, 23), 20_000, LocalDate.of(2027, 1, 24),
                "calendar")));
        CoverageView grace = awaitStatus(accountId, "GRACE");

        CoverageHistoryResponse now = history(accountId, null);
        assertThat(now.coverage()).isEqualTo(withoutKafkaPositions(grace));
        assertThat(now.coverage().graceStart()).isNotNull();
        assertThat(now.coverage().graceEnd()).isNotNull();
        assertThat(now.events()).extracting(HistoryEvent::name).containsOnly("CoverageStatusChanged").hasSize(3);
        assertThat(now.events()).extracting(HistoryEvent::eventId)
                .containsExactlyElementsOf(grace.history().stream().map(CoverageView.HistoryEntry::eventId).toList());
        assertThat(now.events().get(2).summary()).contains("toStatus=GRACE");

        CoverageHistoryResponse earlier = history(accountId, between.toString());
        assertThat(earlier.coverage()).isEqualTo(withoutKafkaPositions(active));
        assertThat(earlier.eventsCounted()).isEqualTo(2);
        assertThat(earlier.eventsStored()).isEqualTo(3);
    }

    @Test
    void unknownAccountsAre404AndAMalformedAsOfIs400() {
        assertProblem(get("/accounts/NO-SUCH-ACCOUNT/history"), HttpStatus.NOT_FOUND, "coverage-not-found");
        assertProblem(get("/accounts/NO-SUCH-ACCOUNT/history?asOf=soon"), HttpStatus.BAD_REQUEST, "invalid-as-of");
        assertThat(rest.getForEntity("/accounts/X/history", String.class).getStatusCode())
                .isEqualTo(HttpStatus.UNAUTHORIZED);
    }

    private static com.premiumledger.events.EventEnvelope bill(String accountId, long sequence, String month,
                                                              LocalDate dueDate) {
        return TestEvents.envelope(accountId, sequence, new BillIssued(accountId, accountId + ":" + month, month,
                dueDate, 50_000, 30_000, 20_000, LocalDate.of(2026, 12, 1), "service"));
    }

    /** The store knows each change's event, not where Kafka put it. */
    private static CoverageView withoutKafkaPositions(CoverageView view) {
        return new CoverageView(view.accountId(), view.program(), view.status(), view.since(), view.paidThroughDate(),
                view.graceStart(), view.graceEnd(), view.terminationEffectiveDate(), view.history().stream()
                .map(entry -> new CoverageView.HistoryEntry(entry.fromStatus(), entry.toStatus(), entry.reason(),
                        entry.effectiveDate(), entry.graceStart(), entry.graceEnd(), entry.paidThroughDate(),
                        entry.terminationEffectiveDate(), entry.eventId(), entry.causeEventId(), null, -1, -1))
                .toList());
    }

    private CoverageView awaitStatus(String accountId, String status) {
        return await().atMost(WAIT).until(() -> projection.coverage(accountId).orElse(null),
                view -> view != null && status.equals(view.status()));
    }

    private CoverageHistoryResponse history(String accountId, String asOf) {
        ResponseEntity<CoverageHistoryResponse> response = auditor().getForEntity("/accounts/" + accountId
                + "/history" + (asOf == null ? "" : "?asOf=" + asOf), CoverageHistoryResponse.class);
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        return response.getBody();
    }

    private ResponseEntity<Map<String, Object>> get(String path) {
        return auditor().exchange(path, HttpMethod.GET, null, JSON);
    }

    private TestRestTemplate auditor() {
        return rest.withBasicAuth("auditor", "auditor-local-only");
    }

    private static void assertProblem(ResponseEntity<Map<String, Object>> response, HttpStatus status, String slug) {
        assertThat(response.getStatusCode()).as("%s", response.getBody()).isEqualTo(status);
        assertThat(response.getHeaders().getContentType().isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .isTrue();
        assertThat(response.getBody()).containsEntry("type", "https://premium-ledger.example/problems/" + slug);
    }
}
