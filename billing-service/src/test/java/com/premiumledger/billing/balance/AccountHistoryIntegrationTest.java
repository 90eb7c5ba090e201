package com.premiumledger.billing.balance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.premiumledger.billing.balance.AccountHistory.AccountState;
import com.premiumledger.billing.balance.AccountHistory.BillStatus;
import com.premiumledger.billing.balance.AccountHistory.HistoryLine;
import com.premiumledger.billing.balance.AccountHistory.HistoryResponse;
import com.premiumledger.events.PaymentRecorded;
import com.premiumledger.events.Topics;
import com.premiumledger.platform.testing.TestEvents;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.ActiveProfiles;

/**
 * The history re-derived from the stored events equals what the balance projection shows, now and as of an
 * earlier instant. The same configuration as the billing metrics test, so the two share one context (metrics
 * export is on, which tests otherwise switch off).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.config.name=premium-platform,billing-service")
@ActiveProfiles("local")
@AutoConfigureObservability(tracing = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AccountHistoryIntegrationTest {

    private static final Duration PATIENCE = Duration.ofSeconds(30);
    private static final ParameterizedTypeReference<Map<String, Object>> JSON = new ParameterizedTypeReference<>() {
    };

    @Autowired
    TestRestTemplate rest;
    @Autowired
    AccountViewProjection projection;
    @Value("${spring.kafka.bootstrap-servers}")
    String bootstrapServers;

    private TestEvents events;

    @BeforeAll
    void connect() {
        events = new TestEvents(bootstrapServers);
    }

    @AfterAll
    void disconnect() {
        events.close();
    }

    @Test
    void theHistoryEqualsTheProjectionNowAndAsOfAnEarlierInstant() {
        String accountId = "HIST-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        open(accountId);
        issueBill(accountId, "2031-01");
        AccountView afterFirstBill = awaitProjectionAt(accountId, 1);
        Instant between = Instant.now();

        // An overpayment (credit 5,000) and a second bill that the credit partly pays. Months far ahead, so that
        // no day other tests of this JVM closed makes a bill missed at once.
        pay(accountId, 25_000);
        awaitProjectionAt(accountId, 2);
        issueBill(accountId, "2031-02");
        AccountView now = await().atMost(PATIENCE).until(() -> projection.documents().find(accountId).orElseThrow(),
                view -> view.bills().size() == 2 && view.creditCents() == 0);

        HistoryResponse current = history(accountId, null);
        assertThat(current.account()).isEqualTo(AccountState.of(now));
        assertThat(current.account().balanceCents()).isEqualTo(15_000);
        assertThat(current.account().bills()).extracting(AccountHistory.BillState::status)
                .containsExactly(BillStatus.PAID, BillStatus.PARTIALLY_PAID);
        assertThat(current.events()).extracting(HistoryLine::name)
                .containsExactly("AccountOpened", "BillIssued", "PaymentApplied", "BillIssued", "CreditApplied");
        assertThat(current.events()).extracting(HistoryLine::balanceAfterCents)
                .containsExactly(0L, 20_000L, -5_000L, 15_000L, 15_000L);
        assertThat(current.events().get(1).issuedBy()).isEqualTo("service");
        assertThat(current.events().get(1).summary()).contains("billId=" + accountId + "-2031-01",
                "amountDueCents=20000");
        assertThat(current.events().get(2).payload().get("amountCents").asLong()).isEqualTo(25_000);
        assertThat(current.eventsCounted()).isEqualTo(5);
        assertThat(current.eventsStored()).isEqualTo(5);

        HistoryResponse earlier = history(accountId, between.toString());
        assertThat(earlier.account()).isEqualTo(AccountState.of(afterFirstBill));
        assertThat(earlier.account().bills()).extracting(AccountHistory.BillState::status)
                .containsExactly(BillStatus.OPEN);
        assertThat(earlier.events()).extracting(HistoryLine::name).containsExactly("AccountOpened", "BillIssued");
        assertThat(earlier.eventsStored()).isEqualTo(5);

        String today = LocalDate.now(ZoneOffset.UTC).toString();
        assertThat(history(accountId, today).account()).isEqualTo(AccountState.of(now));
    }

    @Test
    void unknownAccountsAndAccountsNotYetOpenedAre404() {
        assertProblem(get("/accounts/NO-SUCH-ACCOUNT/history"), HttpStatus.NOT_FOUND, "account-not-found");
        String accountId = "HIST-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        open(accountId);
        assertProblem(get("/accounts/" + accountId + "/history?asOf=2020-01-01"), HttpStatus.NOT_FOUND,
                "account-not-found");
        // The calendar's stream lives in the same store but is no account.
        assertThat(get("/accounts/business-calendar/history").getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    }

    @Test
    void aMalformedAsOfIs400() {
        String accountId = "HIST-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        open(accountId);
        assertProblem(get("/accounts/" + accountId + "/history?asOf=last-tuesday"), HttpStatus.BAD_REQUEST,
                "invalid-as-of");
        assertProblem(get("/accounts/" + accountId + "/history?asOf=2027-02-30"), HttpStatus.BAD_REQUEST,
                "invalid-as-of");
    }

    @Test
    void anyRoleMayReadItButNotAnonymously() {
        String accountId = "HIST-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        open(accountId);
        assertThat(rest.withBasicAuth("operator", "operator-local-only")
                .getForEntity("/accounts/" + accountId + "/history", String.class).getStatusCode())
                .isEqualTo(HttpStatus.OK);
        assertThat(rest.getForEntity("/accounts/" + accountId + "/history", String.class).getStatusCode())
                .isEqualTo(HttpStatus.UNAUTHORIZED);
    }

    private HistoryResponse history(String accountId, String asOf) {
        ResponseEntity<HistoryResponse> response = auditor().getForEntity("/accounts/" + accountId + "/history"
                + (asOf == null ? "" : "?asOf=" + asOf), HistoryResponse.class);
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        return response.getBody();
    }

    private AccountView awaitProjectionAt(String accountId, long sequence) {
        return await().atMost(PATIENCE).until(() -> projection.documents().find(accountId).orElse(null),
                view -> view != null && view.lastSequence() == sequence);
    }

    private void open(String accountId) {
        ResponseEntity<String> response = rest.withBasicAuth("service", "service-local-only").postForEntity(
                "/accounts", Map.of("accountId", accountId, "holderName", "Member " + accountId, "program", "APTC",
                        "coverageStart", "2027-01-01", "language", "en", "email", "member@example.org"),
                String.class);
        assertThat(response.getStatusCode()).as("%s", response.getBody()).isEqualTo(HttpStatus.CREATED);
    }

    private void issueBill(String accountId, String month) {
        ResponseEntity<String> response = rest.withBasicAuth("service", "service-local-only").postForEntity(
                "/accounts/" + accountId + "/bills",
                Map.of("coverageMonth", month, "grossPremiumCents", 50_000, "subsidyCents", 30_000), String.class);
        assertThat(response.getStatusCode()).as("%s", response.getBody()).isEqualTo(HttpStatus.CREATED);
    }

    private void pay(String accountId, long amountCents) {
        String paymentId = "PAY-" + UUID.randomUUID();
        events.send(Topics.PAYMENTS, TestEvents.envelope(paymentId, 0, new PaymentRecorded(paymentId, accountId,
                amountCents, "ACH", "ONLINE", LocalDate.of(2026, 12, 1), null, "6789", null, "key-" + paymentId,
                "service")));
    }

    private ResponseEntity<Map<String, Object>> get(String path) {
        return auditor().exchange(path, HttpMethod.GET, null, JSON);
    }

    private TestRestTemplate auditor() {
        return rest.withBasicAuth("auditor", "auditor-local-only");
    }

    private static void assertProblem(ResponseEntity<Map<String, Object>> response, HttpStatus status, String slug) {
        assertThat(response.getStatusCode()).as("%s", response.getBody()).isEqualTo(status);
        assertThat(response.getHeaders().getContentType()).isNotNull();
        assertThat(response.getHeaders().getContentType().isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .isTrue();
        assertThat(response.getBody()).containsEntry("type", "https://premium-ledger.example/problems/" + slug);
    }
}
