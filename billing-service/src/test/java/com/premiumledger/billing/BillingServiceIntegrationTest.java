package com.premiumledger.billing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.premiumledger.events.BillIssued;
import com.premiumledger.events.CloudEventsCodec;
import com.premiumledger.events.DayClosed;
import com.premiumledger.events.EventEnvelope;
import com.premiumledger.events.EventJson;
import com.premiumledger.events.EventTypes;
import com.premiumledger.events.LedgerEvent;
import com.premiumledger.events.PaymentAssigned;
import com.premiumledger.events.PaymentMissed;
import com.premiumledger.events.PaymentReversed;
import com.premiumledger.events.RefundRejected;
import com.premiumledger.events.RefundRequested;
import com.premiumledger.events.UnappliedPaymentReceived;
import com.premiumledger.events.PaymentRecorded;
import com.premiumledger.events.Topics;
import com.premiumledger.platform.testing.TestEvents;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.actuate.health.HealthContributorRegistry;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.actuate.health.Status;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.ActiveProfiles;

/**
 * Billing over the embedded broker and store: accounts and bills over HTTP, payments arriving as real
 * CloudEvents records, days closing into missed payments, and every refusal as problem+json. The calendar
 * is one per JVM, so the tests that close days run in a fixed order.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.config.name=premium-platform,billing-service")
@ActiveProfiles("local")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class BillingServiceIntegrationTest {

    private static final Duration PATIENCE = Duration.ofSeconds(30);
    private static final ParameterizedTypeReference<Map<String, Object>> JSON = new ParameterizedTypeReference<>() {
    };

    @Autowired
    TestRestTemplate rest;
    @Autowired
    MongoDatabase database;
    @Autowired
    HealthContributorRegistry healthContributors;
    @Value("${spring.kafka.bootstrap-servers}")
    String bootstrapServers;

    private KafkaProducer<String, byte[]> producer;

    @BeforeAll
    void startProducer() {
        Map<String, Object> config = new HashMap<>();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        producer = new KafkaProducer<>(config, new StringSerializer(), new ByteArraySerializer());
    }

    @AfterAll
    void stopProducer() {
        producer.close();
    }

    // ---- the flows

    @Test
    @Order(1)
    void beforeAnyCloseThereIsNoBusinessDateAndAMissNeedsOne() {
        assertThat(get(auditor(), "/calendar").getBody()).containsEntry("businessDate", null);
        String accountId = openAccount();
        issueBill(accountId, "2027-05", 40_000, 0);
        ResponseEntity<Map<String, Object>> response = post(operator(),
                "/accounts/" + accountId + "/bills/" + accountId + "-2027-05/missed", null);
        assertProblem(response, HttpStatus.BAD_REQUEST, "no-business-date");
    }

    @Test
    @Order(2)
    void aRecordedPaymentIsAppliedOnceHoweverOftenItArrives() {
        String accountId = openAccount();
        ResponseEntity<Map<String, Object>> bill = issueBill(accountId, "2027-03", 50_000, 30_000);
        assertThat(bill.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(bill.getBody()).containsEntry("billId", accountId + "-2027-03")
                .containsEntry("dueDate", "2027-02-23").containsEntry("amountDueCents", 20_000);
        ResponseEntity<Map<String, Object>> again = issueBill(accountId, "2027-03", 50_000, 30_000);
        assertThat(again.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(again.getBody()).isEqualTo(bill.getBody());

        String eventId = UUID.randomUUID().toString();
        producePayment(eventId, accountId, "PAY-" + accountId, 20_000);
        await().atMost(PATIENCE).untilAsserted(() -> {
            Map<String, Object> balance = balance(accountId);
            assertThat(number(balance, "balanceCents")).isZero();
            assertThat(number(balance, "openCents")).isZero();
        });
        Map<String, Object> march = bills(accountId).get(0);
        assertThat(march).containsEntry("paidCents", 20_000).containsEntry("openCents", 0)
                .containsEntry("missed", false);

        // The same record again, and the same payment under a new event id (a republish): no effect.
        producePayment(eventId, accountId, "PAY-" + accountId, 20_000);
        producePayment(UUID.randomUUID().toString(), accountId, "PAY-" + accountId, 20_000);
        // A later payment on the same partition proves the duplicates were consumed before it.
        producePayment(UUID.randomUUID().toString(), accountId, "PAY2-" + accountId, 1_000);
        await().atMost(PATIENCE).untilAsserted(() ->
                assertThat(number(balance(accountId), "balanceCents")).isEqualTo(-1_000));
        Map<String, Object> balance = balance(accountId);
        assertThat(number(balance, "paymentsReceivedCents")).isEqualTo(21_000);
        assertThat(number(balance, "creditCents")).isEqualTo(1_000);

        await().atMost(PATIENCE).untilAsserted(() -> {
            Map<String, Object> ledger = get(auditor(), "/accounts/" + accountId + "/ledger").getBody();
            List<Map<String, Object>> lines = list(ledger, "lines");
            assertThat(lines).extracting(line -> line.get("eventType"))
                    .containsExactly("BillIssued", "PaymentApplied", "PaymentApplied");
            assertThat(lines).extracting(line -> number(line, "runningBalanceCents"))
                    .containsExactly(20_000L, 0L, -1_000L);
            assertThat(lines.get(0)).containsEntry("topic", Topics.BILLING).containsKey("offset")
                    .containsEntry("issuedBy", "service");
        });

        // A paid bill cannot be missed.
        ResponseEntity<Map<String, Object>> miss = post(operator(),
                "/accounts/" + accountId + "/bills/" + accountId + "-2027-03/missed",
                Map.of("businessDate", "2027-02-24"));
        assertProblem(miss, HttpStatus.CONFLICT, "bill-paid");
    }

    @Test
    @Order(3)
    void closingTheDayAfterTheDueDateMissesTheUnpaidBill() {
        String accountId = openAccount();
        issueBill(accountId, "2027-02", 50_000, 30_000);
        ResponseEntity<Map<String, Object>> first = post(operator(), "/calendar/days/2026-12-20/close", null);
        assertThat(first.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(list(first.getBody(), "closedDays")).isNotNull();

        ResponseEntity<Map<String, Object>> close = post(operator(), "/calendar/days/2027-01-24/close", null);
        assertThat(close.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(close.getBody()).containsEntry("businessDate", "2027-01-24");
        assertThat(list(close.getBody(), "closedDays")).hasSize(35).last().isEqualTo("2027-01-24");
        ResponseEntity<Map<String, Object>> again = post(operator(), "/calendar/days/2027-01-24/close", null);
        assertThat((List<?>) again.getBody().get("closedDays")).isEmpty();

        // A closed day goes to every partition of the billing topic, one copy each, all the same event.
        try (TestEvents kafka = new TestEvents(bootstrapServers)) {
            int partitions = kafka.partitions(Topics.BILLING);
            await().atMost(PATIENCE).untilAsserted(() -> {
                List<ConsumerRecord<String, byte[]>> copies = kafka.readAll(Topics.BILLING, DayClosed.STREAM_KEY)
                        .stream().filter(record -> CloudEventsCodec.fromRecord(record).payloadAs(DayClosed.class)
                                .date().equals(LocalDate.of(2027, 1, 24))).toList();
                assertThat(copies).extracting(ConsumerRecord::partition).containsExactlyInAnyOrderElementsOf(
                        java.util.stream.IntStream.range(0, partitions).boxed().toList());
                assertThat(copies).extracting(record -> CloudEventsCodec.fromRecord(record).eventId()).containsOnly(
                        CloudEventsCodec.fromRecord(copies.get(0)).eventId());
            });
        }

        PaymentMissed missed = awaitPaymentMissed(accountId);
        assertThat(missed.billId()).isEqualTo(accountId + "-2027-02");
        assertThat(missed.openCents()).isEqualTo(20_000);
        assertThat(missed.businessDate()).isEqualTo(LocalDate.of(2027, 1, 24));
        assertThat(missed.decidedBy()).isEqualTo("calendar");
        await().atMost(PATIENCE).untilAsserted(() ->
                assertThat(bills(accountId).get(0)).containsEntry("missed", true).containsEntry("pastDue", true));
        await().atMost(PATIENCE).untilAsserted(() ->
                assertThat(get(auditor(), "/calendar").getBody()).containsEntry("businessDate", "2027-01-24"));
        assertThat(number(balance(accountId), "pastDueCents")).isEqualTo(20_000);

        // Missing it by hand now is a conflict; an unknown bill is a 404.
        assertProblem(post(operator(), "/accounts/" + accountId + "/bills/" + accountId + "-2027-02/missed", null),
                HttpStatus.CONFLICT, "already-missed");
        assertProblem(post(operator(), "/accounts/" + accountId + "/bills/" + accountId + "-2031-01/missed", null),
                HttpStatus.NOT_FOUND, "bill-not-found");
    }

    @Test
    @Order(4)
    void aBillIssuedAfterItsDueDatePassedIsMissedAtOnce() {
        await().atMost(PATIENCE).untilAsserted(() ->
                assertThat(get(auditor(), "/calendar").getBody()).containsEntry("businessDate", "2027-01-24"));
        String accountId = openAccount();
        issueBill(accountId, "2027-02", 50_000, 30_000);
        PaymentMissed missed = awaitPaymentMissed(accountId);
        assertThat(missed.billId()).isEqualTo(accountId + "-2027-02");
        assertThat(missed.businessDate()).isEqualTo(LocalDate.of(2027, 1, 24));
        // The bill carries the business date it was issued on, and is effective on it in the ledger.
        BillIssued issued = awaitEvent(accountId, BillIssued.class);
        assertThat(issued.issuedDate()).isEqualTo(LocalDate.of(2027, 1, 24));
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(lines(accountId).get(0))
                .containsEntry("eventType", "BillIssued").containsEntry("effectiveDate", "2027-01-24"));
        assertThat(number(get(auditor(), "/accounts/" + accountId + "/balance?asOf=2027-01-23").getBody(),
                "balanceCents")).isZero();
    }

    @Test
    @Order(5)
    void anOperatorMissesABillByHand() {
        String accountId = openAccount();
        issueBill(accountId, "2027-06", 30_000, 0);
        ResponseEntity<Map<String, Object>> response = post(operator(),
                "/accounts/" + accountId + "/bills/" + accountId + "-2027-06/missed",
                Map.of("businessDate", "2027-05-24"));
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(response.getBody()).containsEntry("billId", accountId + "-2027-06").containsEntry("missed", true);
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(bills(accountId).get(0)).containsEntry("missed", true));
    }

    @Test
    @Order(6)
    void aReversedPaymentReopensWhatItPaidAndMissesWhatIsPastDue() {
        await().atMost(PATIENCE).untilAsserted(() ->
                assertThat(get(auditor(), "/calendar").getBody()).containsEntry("businessDate", "2027-01-24"));
        String accountId = openAccount();
        String paymentId = "PAY-" + accountId;
        producePayment(UUID.randomUUID().toString(), accountId, paymentId, 20_000);
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(number(balance(accountId), "creditCents"))
                .isEqualTo(20_000));
        // February is due 2027-01-23, already past: the credit pays it in full, so it is not missed.
        issueBill(accountId, "2027-02", 50_000, 30_000);
        await().atMost(PATIENCE).untilAsserted(() -> {
            assertThat(number(balance(accountId), "creditCents")).isZero();
            assertThat(bills(accountId).get(0)).containsEntry("openCents", 0).containsEntry("missed", false);
        });

        PaymentReversed reversed = new PaymentReversed(paymentId, accountId, 20_000, "ACH", "NSF",
                LocalDate.of(2027, 1, 24), "payment-service");
        String reversalEventId = UUID.randomUUID().toString();
        produce(Topics.PAYMENTS, reversalEventId, paymentId, 1, reversed);
        produce(Topics.PAYMENTS, reversalEventId, paymentId, 1, reversed);
        await().atMost(PATIENCE).untilAsserted(() -> {
            assertThat(bills(accountId).get(0)).containsEntry("openCents", 20_000).containsEntry("missed", true);
            Map<String, Object> balance = balance(accountId);
            assertThat(number(balance, "balanceCents")).isEqualTo(20_000);
            assertThat(number(balance, "reversedCents")).isEqualTo(20_000);
        });
        assertThat(awaitPaymentMissed(accountId).decidedBy()).isEqualTo("reversal");
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(lines(accountId))
                .extracting(line -> line.get("eventType"))
                .containsExactly("PaymentApplied", "BillIssued", "CreditApplied", "PaymentReversalApplied",
                        "PaymentMissed"));
        // Bill, payment applied, credit applied, reversal applied: the account's stream posts them all, balanced.
        await().atMost(PATIENCE).untilAsserted(() -> {
            Map<String, Long> nets = streamNets(accountId);
            assertThat(nets).containsEntry("MEMBER_RECEIVABLE", 20_000L).containsEntry("MEMBER_CREDIT", 0L)
                    .containsEntry("UNAPPLIED_CASH", 0L);
            assertThat(streamNets(paymentId)).containsEntry("CASH_ACH", 0L).containsEntry("UNAPPLIED_CASH", 0L);
        });
        assertTrialBalanceNetsToZero();

        // Far enough ahead that every line is effective whatever the wall clock dated the bill.
        Map<String, Object> asOf = get(auditor(), "/accounts/" + accountId + "/balance?asOf=2099-01-01").getBody();
        assertThat(number(asOf, "balanceCents")).isEqualTo(20_000);
        assertThat(number(asOf, "pastDueCents")).isEqualTo(20_000);
        assertThat(number(castMap(asOf.get("aging")), "days90PlusCents")).isEqualTo(20_000);
    }

    @Test
    @Order(7)
    void anAssignedPaymentIsAppliedAndRefundsAreDecidedOnce() {
        String accountId = openAccount();
        issueBill(accountId, "2027-05", 50_000, 30_000);
        String paymentId = "UNAP-" + accountId;
        produce(Topics.PAYMENTS, UUID.randomUUID().toString(), paymentId, 0, new UnappliedPaymentReceived(paymentId,
                "A99", 30_000, "CHECK", "MAIL", LocalDate.of(2027, 1, 20), null, null, "1001", "key-" + paymentId,
                "service"));
        PaymentAssigned assigned = new PaymentAssigned(paymentId, accountId, 30_000, "CHECK", "MAIL",
                LocalDate.of(2027, 1, 20), "operator", "quoted a wrong account number");
        produce(Topics.PAYMENTS, UUID.randomUUID().toString(), paymentId, 1, assigned);
        produce(Topics.PAYMENTS, UUID.randomUUID().toString(), paymentId, 1, assigned);
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(number(balance(accountId), "creditCents"))
                .isEqualTo(10_000));

        RefundRequested paid = new RefundRequested("R1-" + accountId, paymentId, accountId, 4_000, "CHECK",
                LocalDate.of(2027, 1, 25), "service");
        produce(Topics.PAYMENTS, UUID.randomUUID().toString(), paymentId, 2, paid);
        produce(Topics.PAYMENTS, UUID.randomUUID().toString(), paymentId, 2, paid);
        produce(Topics.PAYMENTS, UUID.randomUUID().toString(), paymentId, 3, new RefundRequested("R2-" + accountId,
                paymentId, accountId, 10_000, "CHECK", LocalDate.of(2027, 1, 26), "service"));
        await().atMost(PATIENCE).untilAsserted(() -> {
            Map<String, Object> balance = balance(accountId);
            assertThat(number(balance, "creditCents")).isEqualTo(6_000);
            assertThat(number(balance, "refundedCents")).isEqualTo(4_000);
            assertThat(number(balance, "paymentsReceivedCents")).isEqualTo(30_000);
            assertThat(number(balance, "balanceCents")).isEqualTo(-6_000);
        });
        assertThat(awaitEvent(accountId, RefundRejected.class).availableCreditCents()).isEqualTo(6_000);
        await().atMost(PATIENCE).untilAsserted(() -> {
            assertThat(streamNets(accountId)).containsEntry("MEMBER_CREDIT", -6_000L)
                    .containsEntry("CASH_REFUNDS", -4_000L).containsEntry("MEMBER_RECEIVABLE", 0L);
            assertThat(streamNets(paymentId)).containsEntry("CASH_CHECK", 30_000L)
                    .containsEntry("UNAPPLIED_CASH", -30_000L);
        });
        assertTrialBalanceNetsToZero();

        ResponseEntity<String> csv = auditor().exchange("/accounts/" + accountId + "/ledger.csv", HttpMethod.GET,
                null, String.class);
        assertThat(csv.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(csv.getHeaders().getContentType().isCompatibleWith(MediaType.parseMediaType("text/csv"))).isTrue();
        assertThat(csv.getBody()).startsWith("sequence,eventId");
        assertThat(csv.getBody().split("\r\n")).hasSize(5);
        Map<String, Object> ledger = get(auditor(), "/accounts/" + accountId
                + "/ledger?from=2027-01-25&to=2027-01-31&offset=0&limit=10").getBody();
        assertThat(list(ledger, "lines")).hasSize(1);
        assertThat(number(ledger, "totalLines")).isEqualTo(1);
    }

    @Test
    @Order(8)
    void aReversedPaymentThatWasNeverAppliedPostsOnlyOnThePaymentSide() {
        String paymentId = "UNREV-" + suffix();
        produce(Topics.PAYMENTS, UUID.randomUUID().toString(), paymentId, 0, new UnappliedPaymentReceived(paymentId,
                "A98", 12_000, "MONEY_ORDER", "MAIL", LocalDate.of(2027, 1, 20), null, null, "MO-1",
                "key-" + paymentId, "service"));
        produce(Topics.PAYMENTS, UUID.randomUUID().toString(), paymentId, 1, new PaymentReversed(paymentId, null,
                12_000, "MONEY_ORDER", "RETURNED_CHECK", LocalDate.of(2027, 1, 22), "payment-service"));
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(streamNets(paymentId))
                .containsEntry("CASH_MONEY_ORDER", 0L).containsEntry("UNAPPLIED_CASH", 0L));
        assertTrialBalanceNetsToZero();
        Map<String, Object> before = get(auditor(), "/audit/trial-balance?asOf=2027-01-21").getBody();
        assertThat(number(before, "netCents")).isZero();
    }

    @Test
    void generatesAnAccountIdWhenNoneIsGiven() {
        ResponseEntity<Map<String, Object>> response = post(service(), "/accounts", Map.of("holderName", "Gen Erated",
                "program", "UNSUBSIDIZED", "coverageStart", "2027-01-01"));
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        String accountId = (String) response.getBody().get("accountId");
        assertThat(accountId).matches("A\\d{9}");
        assertThat(response.getHeaders().getLocation()).hasToString("/accounts/" + accountId);
        assertThat(response.getBody()).containsEntry("language", "en");
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(number(balance(accountId), "balanceCents")).isZero());
    }

    // ---- refusals

    @Test
    void withoutCredentialsIs401() {
        ResponseEntity<Map<String, Object>> response = rest.exchange("/calendar", HttpMethod.GET, null, JSON);
        assertProblem(response, HttpStatus.UNAUTHORIZED, "unauthenticated");
    }

    @Test
    void theWrongRoleIs403() {
        assertProblem(post(auditor(), "/accounts", openBody("FORBID-" + suffix())), HttpStatus.FORBIDDEN, "forbidden");
        assertProblem(post(service(), "/calendar/days/2027-01-01/close", null), HttpStatus.FORBIDDEN, "forbidden");
        assertProblem(rest.exchange("/audit/trial-balance", HttpMethod.GET, null, JSON), HttpStatus.UNAUTHORIZED,
                "unauthenticated");
    }

    @Test
    void badInputIs400AndWritesNothing() {
        String accountId = "BAD-" + suffix();
        Map<String, Object> body = new HashMap<>(openBody(accountId));
        body.put("program", "GOLD");
        assertProblem(post(service(), "/accounts", body), HttpStatus.BAD_REQUEST, "unknown-program");
        body.put("program", "APTC");
        body.put("coverageStart", "2027-01-15");
        assertProblem(post(service(), "/accounts", body), HttpStatus.BAD_REQUEST, "coverage-start");
        body.put("coverageStart", "2027-01-01");
        body.put("cardNumber", "4111111111111111");
        assertProblem(post(service(), "/accounts", body), HttpStatus.BAD_REQUEST, "malformed-body");
        assertThat(database.getCollection("event_commits").find(Filters.eq("_id", accountId + ":0")).first()).isNull();

        String billed = openAccount();
        assertProblem(post(service(), "/accounts/" + billed + "/bills", Map.of("coverageMonth", "2027-07",
                "grossPremiumCents", 0, "subsidyCents", 0)), HttpStatus.BAD_REQUEST, "validation");
        assertProblem(post(service(), "/accounts/" + billed + "/bills", Map.of("coverageMonth", "2027-07",
                "grossPremiumCents", 2_000_000, "subsidyCents", 0)), HttpStatus.BAD_REQUEST, "gross-premium");
        assertProblem(post(service(), "/accounts/" + billed + "/bills", Map.of("coverageMonth", "2027-07",
                "grossPremiumCents", 10_000, "subsidyCents", 20_000)), HttpStatus.BAD_REQUEST, "subsidy");
        assertProblem(post(service(), "/accounts/" + billed + "/bills", Map.of("coverageMonth", "July",
                "grossPremiumCents", 10_000, "subsidyCents", 0)), HttpStatus.BAD_REQUEST, "malformed-body");
        Document dueDay = database.getCollection("due_index").find(Filters.eq("_id",
                com.premiumledger.billing.calendar.DueIndex.documentId(LocalDate.of(2027, 6, 23), billed))).first();
        assertThat(dueDay == null ? List.of() : dueDay.getList("accounts", String.class)).doesNotContain(billed);
        assertThat(database.getCollection("event_commits").find(Filters.eq("_id", billed + ":1")).first()).isNull();

        assertProblem(post(operator(), "/calendar/days/2027-13-01/close", null), HttpStatus.BAD_REQUEST, "validation");
        assertProblem(get(auditor(), "/accounts/" + billed + "/ledger?limit=100000"), HttpStatus.BAD_REQUEST, "page");
        await().atMost(PATIENCE).untilAsserted(() ->
                assertThat(get(auditor(), "/accounts/" + billed + "/ledger").getStatusCode()).isEqualTo(HttpStatus.OK));
        assertProblem(get(auditor(), "/accounts/" + billed + "/ledger?from=1900-01-01"), HttpStatus.BAD_REQUEST,
                "date-out-of-range");
        assertProblem(get(auditor(), "/accounts/" + billed + "/ledger?from=2027-02-01&to=2027-01-01"),
                HttpStatus.BAD_REQUEST, "date-range");
        assertProblem(get(auditor(), "/accounts/" + billed + "/balance?asOf=2999-01-01"), HttpStatus.BAD_REQUEST,
                "date-out-of-range");
        assertProblem(get(auditor(), "/audit/trial-balance?asOf=1900-01-01"), HttpStatus.BAD_REQUEST,
                "date-out-of-range");
    }

    /**
     * A payment's credit is refunded, then the payment bounces: the member owes the refund back. It is receivable
     * (past due from the reversal's date) and nothing is left on unapplied cash; the books still balance.
     */
    @Test
    @Order(9)
    void aReversalAfterTheCreditWasRefundedMakesTheRefundOwedBackAndPastDue() {
        await().atMost(PATIENCE).untilAsserted(() ->
                assertThat(get(auditor(), "/calendar").getBody()).containsEntry("businessDate", "2027-01-24"));
        String accountId = openAccount();
        String paymentId = "OWED-" + accountId;
        produce(Topics.PAYMENTS, UUID.randomUUID().toString(), paymentId, 0, new PaymentRecorded(paymentId, accountId,
                10_000, "CHECK", "MAIL", LocalDate.of(2027, 1, 10), null, null, "2001", "key-" + paymentId,
                "service"));
        produce(Topics.PAYMENTS, UUID.randomUUID().toString(), paymentId, 1, new RefundRequested("R-" + accountId,
                paymentId, accountId, 10_000, "CHECK", LocalDate.of(2027, 1, 12), "service"));
        await().atMost(PATIENCE).untilAsserted(() ->
                assertThat(number(balance(accountId), "refundedCents")).isEqualTo(10_000));
        produce(Topics.PAYMENTS, UUID.randomUUID().toString(), paymentId, 2, new PaymentReversed(paymentId, accountId,
                10_000, "CHECK", "RETURNED_CHECK", LocalDate.of(2027, 1, 20), "payment-service"));

        await().atMost(PATIENCE).untilAsserted(() -> {
            Map<String, Object> balance = balance(accountId);
            assertThat(number(balance, "balanceCents")).isEqualTo(10_000);
            assertThat(number(balance, "openCents")).isEqualTo(10_000);
            assertThat(number(balance, "pastDueCents")).isEqualTo(10_000);
            assertThat(number(balance, "creditCents")).isZero();
        });
        assertThat(bills(accountId)).singleElement().satisfies(item -> assertThat(item)
                .containsEntry("kind", "REFUND_OWED").containsEntry("billId", "refund-owed:" + paymentId)
                .containsEntry("dueDate", "2027-01-20").containsEntry("openCents", 10_000)
                .containsEntry("pastDue", true).containsEntry("missed", false));
        await().atMost(PATIENCE).untilAsserted(() -> {
            assertThat(streamNets(accountId)).containsEntry("MEMBER_RECEIVABLE", 10_000L)
                    .containsEntry("UNAPPLIED_CASH", 0L).containsEntry("MEMBER_CREDIT", 0L)
                    .containsEntry("CASH_REFUNDS", -10_000L);
            assertThat(streamNets(paymentId)).containsEntry("CASH_CHECK", 0L).containsEntry("UNAPPLIED_CASH", 0L);
        });
        assertTrialBalanceNetsToZero();
        Map<String, Object> asOf = get(auditor(), "/accounts/" + accountId + "/balance?asOf=2027-02-25").getBody();
        assertThat(number(asOf, "pastDueCents")).isEqualTo(10_000);
        assertThat(number(castMap(asOf.get("aging")), "days31To60Cents")).isEqualTo(10_000);
    }

    @Test
    void aBillRequestWithAnIdempotencyKeyIsAnsweredOnceAndAReusedKeyWithAnotherBodyIs409() {
        String accountId = openAccount();
        String path = "/accounts/" + accountId + "/bills";
        String key = "bill-" + UUID.randomUUID();
        Map<String, Object> body = Map.of("coverageMonth", "2027-08", "grossPremiumCents", 45_000, "subsidyCents",
                5_000);

        ResponseEntity<Map<String, Object>> first = post(service(), path, body, key);
        assertThat(first.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(first.getHeaders().getFirst("Idempotent-Replayed")).isNull();
        ResponseEntity<Map<String, Object>> again = post(service(), path, body, key);
        assertThat(again.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(again.getHeaders().getFirst("Idempotent-Replayed")).isEqualTo("true");
        assertThat(again.getBody()).isEqualTo(first.getBody());
        assertProblem(post(service(), path, Map.of("coverageMonth", "2027-08", "grossPremiumCents", 46_000,
                "subsidyCents", 5_000), key), HttpStatus.CONFLICT, "idempotency-key-reuse");
        // The same key on another account is another request, not a replay.
        String otherAccount = openAccount();
        assertProblem(post(service(), "/accounts/" + otherAccount + "/bills", body, key), HttpStatus.CONFLICT,
                "idempotency-key-reuse");
        // Without a key the natural key still answers a retry: the same bill, 200.
        assertThat(post(service(), path, body).getStatusCode()).isEqualTo(HttpStatus.OK);
        assertProblem(post(service(), path, body, "has space"), HttpStatus.BAD_REQUEST, "idempotency-key-required");

        Document stored = database.getCollection("idempotency_keys").find(Filters.eq("_id", "bills " + key)).first();
        assertThat(stored.getString("state")).isEqualTo("COMPLETED");
        assertThat(stored.getDate("expiresAt").toInstant()).isAfter(Instant.now().plus(Duration.ofDays(29)));
        // One bill: the account's stream holds the opening and one bill, nothing more.
        assertThat(database.getCollection("event_commits").find(Filters.eq("_id", accountId + ":1")).first())
                .isNotNull();
        assertThat(database.getCollection("event_commits").find(Filters.eq("_id", accountId + ":2")).first())
                .isNull();
    }

    @Test
    void aRefusedBillFreesItsIdempotencyKey() {
        String accountId = openAccount();
        String path = "/accounts/" + accountId + "/bills";
        String key = "bill-" + UUID.randomUUID();
        assertProblem(post(service(), path, Map.of("coverageMonth", "2026-11", "grossPremiumCents", 45_000,
                "subsidyCents", 5_000), key), HttpStatus.BAD_REQUEST, "before-coverage-start");
        assertThat(database.getCollection("idempotency_keys").find(Filters.eq("_id", "bills " + key)).first()).isNull();

        ResponseEntity<Map<String, Object>> corrected = post(service(), path, Map.of("coverageMonth", "2027-01",
                "grossPremiumCents", 45_000, "subsidyCents", 5_000), key);
        assertThat(corrected.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(corrected.getHeaders().getFirst("Idempotent-Replayed")).isNull();
    }

    @Test
    void unknownAccountsAre404() {
        String accountId = "NONE-" + suffix();
        assertProblem(post(service(), "/accounts/" + accountId + "/bills", Map.of("coverageMonth", "2027-07",
                "grossPremiumCents", 10_000, "subsidyCents", 0)), HttpStatus.NOT_FOUND, "not-found");
        assertProblem(get(auditor(), "/accounts/" + accountId + "/balance"), HttpStatus.NOT_FOUND, "account-not-found");
        assertProblem(get(auditor(), "/accounts/" + accountId + "/ledger"), HttpStatus.NOT_FOUND, "account-not-found");
        assertProblem(get(auditor(), "/accounts/" + accountId + "/bills"), HttpStatus.NOT_FOUND, "account-not-found");
        assertProblem(get(auditor(), "/accounts/" + accountId + "/balance?asOf=2027-01-01"), HttpStatus.NOT_FOUND,
                "account-not-found");
        HttpHeaders anything = new HttpHeaders();
        anything.setAccept(List.of(MediaType.ALL));
        assertProblem(auditor().exchange("/accounts/" + accountId + "/ledger.csv", HttpMethod.GET,
                new HttpEntity<>(anything), JSON), HttpStatus.NOT_FOUND, "account-not-found");
    }

    @Test
    void conflictsAre409() {
        String accountId = openAccount();
        assertProblem(post(service(), "/accounts", openBody(accountId)), HttpStatus.CONFLICT, "account-exists");
        issueBill(accountId, "2027-08", 50_000, 30_000);
        assertProblem(issueBill(accountId, "2027-08", 50_000, 20_000), HttpStatus.CONFLICT, "bill-differs");
    }

    @Test
    void theOpenApiDocumentDescribesTheEndpoints() {
        Map<String, Object> paths = castMap(get(auditor(), "/v3/api-docs").getBody().get("paths"));
        assertThat(paths).containsKeys("/accounts", "/accounts/{accountId}/bills",
                "/accounts/{accountId}/bills/{billId}/missed", "/calendar/days/{date}/close", "/calendar",
                "/accounts/{accountId}/balance", "/accounts/{accountId}/ledger", "/accounts/{accountId}/ledger.csv",
                "/audit/trial-balance");
    }

    // ---- helpers

    private String openAccount() {
        String accountId = "IT-" + suffix();
        ResponseEntity<Map<String, Object>> response = post(service(), "/accounts", openBody(accountId));
        assertThat(response.getStatusCode()).as("%s", response.getBody()).isEqualTo(HttpStatus.CREATED);
        assertThat(response.getBody()).containsEntry("accountId", accountId);
        return accountId;
    }

    private static Map<String, Object> openBody(String accountId) {
        return Map.of("accountId", accountId, "holderName", "Member " + accountId, "program", "APTC",
                "coverageStart", "2027-01-01", "language", "en", "email", "member@example.org");
    }

    private ResponseEntity<Map<String, Object>> issueBill(String accountId, String month, long gross, long subsidy) {
        return post(service(), "/accounts/" + accountId + "/bills",
                Map.of("coverageMonth", month, "grossPremiumCents", gross, "subsidyCents", subsidy));
    }

    private Map<String, Object> balance(String accountId) {
        ResponseEntity<Map<String, Object>> response = get(auditor(), "/accounts/" + accountId + "/balance");
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        return response.getBody();
    }

    private List<Map<String, Object>> bills(String accountId) {
        ResponseEntity<Map<String, Object>> response = get(auditor(), "/accounts/" + accountId + "/bills");
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        return list(response.getBody(), "bills");
    }

    private void producePayment(String eventId, String accountId, String paymentId, long amountCents) {
        PaymentRecorded payment = new PaymentRecorded(paymentId, accountId, amountCents, "ACH", "ONLINE",
                LocalDate.of(2027, 2, 1), null, "6789", null, "key-" + paymentId, "service");
        EventEnvelope envelope = new EventEnvelope(eventId, EventTypes.typeOf(PaymentRecorded.class),
                "/premium-ledger/payment-service", accountId, Instant.now(), paymentId, 0, null, null, payment);
        try {
            producer.send(CloudEventsCodec.toRecord(Topics.PAYMENTS, envelope)).get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private void produce(String topic, String eventId, String aggregateId, long sequence, LedgerEvent payload) {
        EventEnvelope envelope = new EventEnvelope(eventId, EventTypes.typeOf(payload.getClass()),
                "/premium-ledger/payment-service", payload.streamKey(), Instant.now(), aggregateId, sequence, null,
                null, payload);
        try {
            producer.send(CloudEventsCodec.toRecord(topic, envelope)).get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private List<Map<String, Object>> lines(String accountId) {
        return list(get(auditor(), "/accounts/" + accountId + "/ledger").getBody(), "lines");
    }

    /** Net (debit - credit) per ledger account of one posting stream, read by _id. */
    private Map<String, Long> streamNets(String streamId) {
        Document stream = database.getCollection("posting_streams").find(Filters.eq("_id", streamId)).first();
        assertThat(stream).as("posting stream %s", streamId).isNotNull();
        Map<String, Long> nets = new HashMap<>();
        stream.get("totals", Document.class).forEach((account, totals) -> nets.put(account,
                ((Document) totals).getLong("debitCents") - ((Document) totals).getLong("creditCents")));
        return nets;
    }

    private void assertTrialBalanceNetsToZero() {
        Map<String, Object> trialBalance = get(auditor(), "/audit/trial-balance").getBody();
        assertThat(number(trialBalance, "netCents")).isZero();
        assertThat(number(trialBalance, "debitCents")).isEqualTo(number(trialBalance, "creditCents")).isPositive();
        HealthIndicator health = (HealthIndicator) healthContributors.getContributor("trialBalance");
        assertThat(health.health().getStatus()).isEqualTo(Status.UP);
    }

    private PaymentMissed awaitPaymentMissed(String accountId) {
        return awaitEvent(accountId, PaymentMissed.class);
    }

    private <T extends LedgerEvent> T awaitEvent(String accountId, Class<T> type) {
        Map<String, Object> config = new HashMap<>();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(ConsumerConfig.GROUP_ID_CONFIG, "billing-test-" + UUID.randomUUID());
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        List<T> found = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(config, new StringDeserializer(),
                new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(Topics.BILLING));
            await().atMost(PATIENCE).until(() -> {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    Object payload = CloudEventsCodec.fromRecord(record).payload();
                    if (accountId.equals(record.key()) && type.isInstance(payload)) {
                        found.add(type.cast(payload));
                    }
                }
                return !found.isEmpty();
            });
        }
        return found.get(0);
    }

    private ResponseEntity<Map<String, Object>> post(TestRestTemplate client, String path, Object body) {
        return post(client, path, body, null);
    }

    private ResponseEntity<Map<String, Object>> post(TestRestTemplate client, String path, Object body,
                                                     String idempotencyKey) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        if (idempotencyKey != null) {
            headers.set("Idempotency-Key", idempotencyKey);
        }
        // A serialized body declares its length; the platform refuses bodies that do not (chunked).
        String json = body == null ? null : EventJson.mapper().valueToTree(body).toString();
        return client.exchange(path, HttpMethod.POST, new HttpEntity<>(json, headers), JSON);
    }

    private ResponseEntity<Map<String, Object>> get(TestRestTemplate client, String path) {
        return client.exchange(path, HttpMethod.GET, null, JSON);
    }

    private static void assertProblem(ResponseEntity<Map<String, Object>> response, HttpStatus status, String slug) {
        assertThat(response.getStatusCode()).as("%s", response.getBody()).isEqualTo(status);
        assertThat(response.getHeaders().getContentType()).isNotNull();
        assertThat(response.getHeaders().getContentType().isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .as("content type %s", response.getHeaders().getContentType()).isTrue();
        assertThat(response.getBody()).containsEntry("type", "https://premium-ledger.example/problems/" + slug);
    }

    private TestRestTemplate service() {
        return rest.withBasicAuth("service", "service-local-only");
    }

    private TestRestTemplate operator() {
        return rest.withBasicAuth("operator", "operator-local-only");
    }

    private TestRestTemplate auditor() {
        return rest.withBasicAuth("auditor", "auditor-local-only");
    }

    private static String suffix() {
        return UUID.randomUUID().toString().substring(0, 8).toUpperCase();
    }

    private static long number(Map<String, Object> map, String key) {
        return ((Number) map.get(key)).longValue();
    }

    @SuppressWarnings("unchecked")
    private static <T> List<T> list(Map<String, Object> map, String key) {
        return (List<T>) map.get(key);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> castMap(Object value) {
        return (Map<String, Object>) value;
    }
}
