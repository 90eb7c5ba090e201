package com.premiumledger.coverage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.premiumledger.platform.testing.TestEvents;
import com.premiumledger.events.AccountOpened;
import com.premiumledger.events.BillAllocation;
import com.premiumledger.events.BillIssued;
import com.premiumledger.events.CloudEventsCodec;
import com.premiumledger.events.CoveragePaidThroughChanged;
import com.premiumledger.events.CoverageStatusChanged;
import com.premiumledger.events.DayClosed;
import com.premiumledger.events.EventEnvelope;
import com.premiumledger.events.LedgerEvent;
import com.premiumledger.events.PaymentApplied;
import com.premiumledger.events.PaymentMissed;
import com.premiumledger.events.PaymentReversalApplied;
import com.premiumledger.events.Topics;
import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * Issue 4's worked examples end to end: real CloudEvents billing records (account events and one DayClosed per
 * day on the calendar stream) go in, the HTTP views and the CoverageStatusChanged records come out. All accounts
 * live on one business calendar, 2026-12-20 to 2027-05-01, since days close in order for the whole system.
 * Coverage from 2027-01-01; each month's bill ($200 due) is due on the 23rd of the month before.
 */
@CoverageServiceTest
class CoverageCalendarIntegrationTest {

    static final Duration WAIT = Duration.ofSeconds(30);
    static final LocalDate START = LocalDate.of(2027, 1, 1);
    static final long DUE_CENTS = 20_000;

    static TestEvents events;

    @Autowired
    TestRestTemplate rest;

    final Map<String, Long> sequences = new HashMap<>();
    final Map<String, Integer> partitions = new HashMap<>();
    final Map<LocalDate, String> dayEventIds = new HashMap<>();
    long calendarSequence;
    LocalDate lastClosed = LocalDate.of(2026, 12, 19);
    EventEnvelope lastDay;

    @BeforeAll
    static void connect(@Autowired Environment environment) {
        events = new TestEvents(environment.getRequiredProperty("spring.kafka.bootstrap-servers"));
    }

    @AfterAll
    static void disconnect() {
        events.close();
    }

    // ---- billing as it would publish -------------------------------------------------------------------------

    EventEnvelope send(String accountId, LedgerEvent payload) {
        long sequence = sequences.merge(accountId, 1L, Long::sum) - 1;
        EventEnvelope envelope = TestEvents.envelope(accountId, sequence, payload);
        partitions.put(accountId, events.send(Topics.BILLING, envelope).partition());
        return envelope;
    }

    void open(String accountId, String program, LocalDate coverageStart) {
        send(accountId, new AccountOpened(accountId, "Ada Member", program, coverageStart, "en", null, "service"));
    }

    static String billId(String accountId, String month) {
        return accountId + "-" + month;
    }

    static LocalDate due(String month) {
        return YearMonth.parse(month).minusMonths(1).atDay(23);
    }

    void bill(String accountId, String month) {
        send(accountId, new BillIssued(accountId, billId(accountId, month), month, due(month), 50_000, 30_000,
                DUE_CENTS, LocalDate.of(2026, 12, 1), "service"));
    }

    EventEnvelope pay(String accountId, String paymentId, LocalDate received, String... months) {
        List<BillAllocation> allocations = Arrays.stream(months)
                .map(month -> new BillAllocation(billId(accountId, month), DUE_CENTS, 0)).toList();
        return send(accountId, new PaymentApplied(accountId, paymentId, DUE_CENTS * months.length, received,
                allocations, 0, 0));
    }

    EventEnvelope reverse(String accountId, String paymentId, LocalDate reversed, String... months) {
        List<BillAllocation> reopened = Arrays.stream(months)
                .map(month -> new BillAllocation(billId(accountId, month), DUE_CENTS, DUE_CENTS)).toList();
        return send(accountId, new PaymentReversalApplied(accountId, paymentId, DUE_CENTS * months.length, "NSF",
                reversed, reopened, 0, DUE_CENTS * months.length));
    }

    EventEnvelope missed(String accountId, String month, LocalDate businessDate) {
        return send(accountId, new PaymentMissed(accountId, billId(accountId, month), month, due(month), DUE_CENTS,
                businessDate, "calendar"));
    }

    /** One DayClosed per day, in order, through {@code date}, as billing's calendar publishes them. */
    void closeThrough(LocalDate date) {
        for (LocalDate day = lastClosed.plusDays(1); !day.isAfter(date); day = day.plusDays(1)) {
            EventEnvelope envelope = TestEvents.envelope(DayClosed.STREAM_KEY, calendarSequence++,
                    new DayClosed(day, lastClosed, "scheduler"));
            events.send(Topics.BILLING, envelope);
            dayEventIds.put(day, envelope.eventId());
            lastDay = envelope;
            lastClosed = day;
        }
    }

    /**
     * Closes the next day the way a replay may deliver it: its copies on every partition but {@code accountId}'s
     * are handled first, then {@code accountId}'s own events of {@code beforeItsCopy} go out, then the copy on its
     * partition. Coverage must judge the account after those events, as their order on its partition says.
     */
    void closeNextDayWithOwnPartitionLast(String accountId, Runnable beforeItsCopy) {
        LocalDate day = lastClosed.plusDays(1);
        EventEnvelope envelope = TestEvents.envelope(DayClosed.STREAM_KEY, calendarSequence++,
                new DayClosed(day, lastClosed, "scheduler"));
        int own = partitions.get(accountId);
        int count = events.partitions(Topics.BILLING);
        assertThat(count).as("partitions of the billing topic").isGreaterThan(1);
        for (int partition = 0; partition < count; partition++) {
            if (partition != own) {
                RecordMetadata copy = events.sendTo(Topics.BILLING, partition, envelope);
                await().atMost(WAIT).until(() -> events.consumedPast(CoverageIntegrationTest.BILLING_GROUP, copy));
            }
        }
        beforeItsCopy.run();
        lastDay = envelope;
        RecordMetadata last = events.sendTo(Topics.BILLING, own, envelope);
        dayEventIds.put(day, envelope.eventId());
        lastClosed = day;
        await().atMost(WAIT).until(() -> events.consumedPast(CoverageIntegrationTest.BILLING_GROUP, last));
    }

    // ---- what coverage shows ---------------------------------------------------------------------------------

    JsonNode view(String accountId) {
        ResponseEntity<JsonNode> response = rest.withBasicAuth("auditor", "auditor-local-only")
                .getForEntity("/accounts/{id}/coverage", JsonNode.class, accountId);
        return response.getStatusCode() == HttpStatus.OK ? response.getBody() : null;
    }

    void awaitStatus(String status, String... accountIds) {
        for (String accountId : accountIds) {
            await().atMost(WAIT).untilAsserted(() -> {
                JsonNode view = view(accountId);
                assertThat(view == null ? null : text(view, "status")).as(accountId).isEqualTo(status);
            });
        }
    }

    List<String> accountsIn(String status) {
        JsonNode page = rest.withBasicAuth("auditor", "auditor-local-only")
                .getForEntity("/coverage?status={status}&page=0&size=200", JsonNode.class, status).getBody();
        List<String> ids = new ArrayList<>();
        page.get("accountIds").forEach(id -> ids.add(id.asText()));
        return ids;
    }

    static String text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isMissingNode() || value.isNull() ? null : value.asText();
    }

    /** status, since, paid-through, grace start, grace end, termination effective date of a view. */
    static void assertView(JsonNode view, String status, String since, String paidThrough, String graceStart,
                           String graceEnd, String termination) {
        assertThat(text(view, "status")).isEqualTo(status);
        assertThat(text(view, "since")).isEqualTo(since);
        assertThat(text(view, "paidThroughDate")).isEqualTo(paidThrough);
        assertThat(text(view, "graceStart")).isEqualTo(graceStart);
        assertThat(text(view, "graceEnd")).isEqualTo(graceEnd);
        assertThat(text(view, "terminationEffectiveDate")).isEqualTo(termination);
    }

    static List<String> history(JsonNode view) {
        List<String> entries = new ArrayList<>();
        view.get("history").forEach(entry -> entries.add(text(entry, "toStatus") + " " + text(entry, "reason")
                + " " + text(entry, "effectiveDate")));
        return entries;
    }

    List<CoverageStatusChanged> published(String accountId) {
        return events.readAll(Topics.COVERAGE, accountId).stream()
                .map(record -> CloudEventsCodec.fromRecord(record).payloadAs(CoverageStatusChanged.class)).toList();
    }

    // ---- the examples ----------------------------------------------------------------------------------------

    @Test
    void theIssueExamplesHoldOnOneBusinessCalendar() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        String reinstated = "APTC-PAID-" + run;
        String unpaid = "APTC-UNPAID-" + run;
        String reversed = "APTC-REVERSED-" + run;
        String state = "UNSUB-" + run;
        String binder = "BINDER-" + run;
        String late = "APTC-LATE-" + run;
        List<String> aptc = List.of(reinstated, unpaid, reversed, late);
        List<String> paying = List.of(reinstated, unpaid, reversed, late, state);

        // January paid on 2026-12-20: ACTIVE from 2027-01-01. The binder account starts in February.
        aptc.forEach(id -> open(id, "APTC", START));
        open(state, "UNSUBSIDIZED", START);
        open(binder, "APTC", LocalDate.of(2027, 2, 1));
        paying.forEach(id -> {
            bill(id, "2027-01");
            bill(id, "2027-02");
        });
        bill(binder, "2027-02");
        closeThrough(LocalDate.of(2026, 12, 20));
        paying.forEach(id -> pay(id, "P-jan-" + id, LocalDate.of(2026, 12, 20), "2027-01"));
        awaitStatus("ACTIVE", paying.toArray(String[]::new));
        awaitStatus("PENDING_PAYMENT", binder);
        assertView(view(reinstated), "ACTIVE", "2027-01-01", "2027-01-31", null, null, null);

        // February (due 2027-01-23) is not paid: closing 2027-01-24 records PaymentMissed and GRACE.
        closeThrough(LocalDate.of(2027, 1, 23));
        paying.forEach(id -> missed(id, "2027-02", LocalDate.of(2027, 1, 24)));
        missed(binder, "2027-02", LocalDate.of(2027, 1, 24));
        closeThrough(LocalDate.of(2027, 1, 24));
        awaitStatus("GRACE", paying.toArray(String[]::new));
        assertView(view(unpaid), "GRACE", "2027-01-24", "2027-01-31", "2027-02-01", "2027-04-30", null);
        assertView(view(state), "GRACE", "2027-01-24", "2027-01-31", "2027-01-24", "2027-02-22", null);
        assertThat(accountsIn("GRACE")).contains(reinstated, unpaid, reversed, state);

        // The binder was never paid: closing the day after its deadline (the coverage start) cancels it.
        paying.forEach(id -> bill(id, "2027-03"));
        closeThrough(LocalDate.of(2027, 2, 1));
        awaitStatus("PENDING_PAYMENT", binder);
        closeThrough(LocalDate.of(2027, 2, 2));
        awaitStatus("CANCELLED", binder);
        assertView(view(binder), "CANCELLED", "2027-02-01", null, null, null, null);
        assertThat(history(view(binder))).containsExactly("PENDING_PAYMENT ENROLLED 2027-02-01",
                "CANCELLED BINDER_NOT_PAID 2027-02-01");

        // UNSUBSIDIZED: grace ends 2027-02-22; closing 2027-02-23 unpaid terminates it, effective 2027-01-31.
        closeThrough(LocalDate.of(2027, 2, 22));
        awaitStatus("GRACE", state);
        closeThrough(LocalDate.of(2027, 2, 23));
        awaitStatus("TERMINATED", state);
        assertView(view(state), "TERMINATED", "2027-01-31", "2027-01-31", "2027-01-24", "2027-02-22", "2027-01-31");
        assertThat(history(view(state))).containsExactly("PENDING_PAYMENT ENROLLED 2027-01-01",
                "ACTIVE BINDER_PAID 2027-01-01", "GRACE PAYMENT_MISSED 2027-01-24",
                "TERMINATED GRACE_EXPIRED 2027-01-31");
        CoverageStatusChanged termination = published(state).get(3);
        assertThat(termination).isEqualTo(new CoverageStatusChanged(state, "UNSUBSIDIZED", "GRACE", "TERMINATED",
                "GRACE_EXPIRED", LocalDate.of(2027, 1, 31), LocalDate.of(2027, 1, 24), LocalDate.of(2027, 2, 22),
                LocalDate.of(2027, 1, 31), LocalDate.of(2027, 1, 31), dayEventIds.get(LocalDate.of(2027, 2, 23))));

        // APTC: March missed too (no new grace); closing 2027-03-01 makes all three SUSPENDED.
        aptc.forEach(id -> missed(id, "2027-03", LocalDate.of(2027, 2, 24)));
        closeThrough(LocalDate.of(2027, 2, 28));
        awaitStatus("GRACE", aptc.toArray(String[]::new));
        closeThrough(LocalDate.of(2027, 3, 1));
        awaitStatus("SUSPENDED", aptc.toArray(String[]::new));
        assertView(view(unpaid), "SUSPENDED", "2027-03-01", "2027-01-31", "2027-02-01", "2027-04-30", null);

        // Paying February and March (both past due) in full on 2027-03-15 makes it ACTIVE (April paid ahead).
        aptc.forEach(id -> bill(id, "2027-04"));
        closeThrough(LocalDate.of(2027, 3, 15));
        pay(reinstated, "P-r-" + run, LocalDate.of(2027, 3, 15), "2027-02", "2027-03", "2027-04");
        pay(reversed, "P-x-" + run, LocalDate.of(2027, 3, 15), "2027-02", "2027-03", "2027-04");
        awaitStatus("ACTIVE", reinstated, reversed);
        assertView(view(reinstated), "ACTIVE", "2027-03-15", "2027-04-30", null, null, null);

        // The reinstating payment of one account comes back unpaid on 2027-04-10: grace month 3, SUSPENDED.
        missed(unpaid, "2027-04", LocalDate.of(2027, 3, 24));
        missed(late, "2027-04", LocalDate.of(2027, 3, 24));
        closeThrough(LocalDate.of(2027, 4, 10));
        EventEnvelope reversal = reverse(reversed, "P-x-" + run, LocalDate.of(2027, 4, 10), "2027-02", "2027-03",
                "2027-04");
        awaitStatus("SUSPENDED", reversed);
        assertView(view(reversed), "SUSPENDED", "2027-04-10", "2027-01-31", "2027-02-01", "2027-04-30", null);

        // Nothing paid: closing 2027-05-01 makes it TERMINATED, effective 2027-02-28. One more account pays
        // everything past due on 2027-04-30, before 2027-05-01 closes: even when the close's copies on the other
        // partitions are handled before that payment (as a replay may interleave them), it is reinstated.
        closeThrough(LocalDate.of(2027, 4, 30));
        awaitStatus("SUSPENDED", unpaid, reversed, late);
        closeNextDayWithOwnPartitionLast(late,
                () -> pay(late, "P-late-" + run, LocalDate.of(2027, 4, 30), "2027-02", "2027-03", "2027-04"));
        awaitStatus("TERMINATED", unpaid, reversed);
        awaitStatus("ACTIVE", late);
        assertView(view(late), "ACTIVE", "2027-04-30", "2027-04-30", null, null, null);
        assertThat(history(view(late))).containsExactly("PENDING_PAYMENT ENROLLED 2027-01-01",
                "ACTIVE BINDER_PAID 2027-01-01", "GRACE PAYMENT_MISSED 2027-01-24",
                "SUSPENDED GRACE_MONTH_1_ENDED 2027-03-01", "ACTIVE PAID_IN_FULL 2027-04-30");
        assertView(view(unpaid), "TERMINATED", "2027-02-28", "2027-01-31", "2027-02-01", "2027-04-30",
                "2027-02-28");
        assertView(view(reversed), "TERMINATED", "2027-02-28", "2027-01-31", "2027-02-01", "2027-04-30",
                "2027-02-28");
        assertThat(history(view(unpaid))).containsExactly("PENDING_PAYMENT ENROLLED 2027-01-01",
                "ACTIVE BINDER_PAID 2027-01-01", "GRACE PAYMENT_MISSED 2027-01-24",
                "SUSPENDED GRACE_MONTH_1_ENDED 2027-03-01", "TERMINATED GRACE_EXPIRED 2027-02-28");
        assertThat(history(view(reversed))).containsExactly("PENDING_PAYMENT ENROLLED 2027-01-01",
                "ACTIVE BINDER_PAID 2027-01-01", "GRACE PAYMENT_MISSED 2027-01-24",
                "SUSPENDED GRACE_MONTH_1_ENDED 2027-03-01", "ACTIVE PAID_IN_FULL 2027-03-15",
                "SUSPENDED PAYMENT_REVERSED 2027-04-10", "TERMINATED GRACE_EXPIRED 2027-02-28");
        assertThat(history(view(reinstated))).containsExactly("PENDING_PAYMENT ENROLLED 2027-01-01",
                "ACTIVE BINDER_PAID 2027-01-01", "GRACE PAYMENT_MISSED 2027-01-24",
                "SUSPENDED GRACE_MONTH_1_ENDED 2027-03-01", "ACTIVE PAID_IN_FULL 2027-03-15");
        assertThat(text(view(reinstated), "status")).isEqualTo("ACTIVE");

        // Paying May ahead moves only the paid-through date: one CoveragePaidThroughChanged, no status change.
        bill(reinstated, "2027-05");
        EventEnvelope may = pay(reinstated, "P-may-" + run, LocalDate.of(2027, 5, 1), "2027-05");
        await().atMost(WAIT).untilAsserted(() ->
                assertThat(text(view(reinstated), "paidThroughDate")).isEqualTo("2027-05-31"));
        assertView(view(reinstated), "ACTIVE", "2027-03-15", "2027-05-31", null, null, null);
        assertThat(history(view(reinstated))).hasSize(5);
        List<LedgerEvent> reinstatedEvents = events.readAll(Topics.COVERAGE, reinstated).stream()
                .map(record -> CloudEventsCodec.fromRecord(record).payload()).toList();
        assertThat(reinstatedEvents.get(reinstatedEvents.size() - 1)).isEqualTo(new CoveragePaidThroughChanged(
                reinstated, "APTC", LocalDate.of(2027, 4, 30), LocalDate.of(2027, 5, 31), LocalDate.of(2027, 5, 1),
                may.eventId()));

        List<CoverageStatusChanged> unpaidChanges = published(unpaid);
        assertThat(unpaidChanges).hasSize(5);
        assertThat(unpaidChanges.get(3).causeEventId()).isEqualTo(dayEventIds.get(LocalDate.of(2027, 3, 1)));
        assertThat(unpaidChanges.get(4)).isEqualTo(new CoverageStatusChanged(unpaid, "APTC", "SUSPENDED",
                "TERMINATED", "GRACE_EXPIRED", LocalDate.of(2027, 2, 28), LocalDate.of(2027, 2, 1),
                LocalDate.of(2027, 4, 30), LocalDate.of(2027, 1, 31), LocalDate.of(2027, 2, 28),
                dayEventIds.get(LocalDate.of(2027, 5, 1))));
        assertThat(accountsIn("TERMINATED")).contains(unpaid, reversed, state);
        assertThat(accountsIn("SUSPENDED")).doesNotContain(unpaid, reversed);

        // Redelivered records (the last closed day, the reversal) change nothing.
        JsonNode before = view(reversed);
        events.send(Topics.BILLING, reversal);
        RecordMetadata again = events.send(Topics.BILLING, lastDay);
        await().atMost(WAIT).until(() -> events.consumedPast(CoverageIntegrationTest.BILLING_GROUP, again));
        await().during(Duration.ofMillis(300)).atMost(WAIT).untilAsserted(() -> {
            assertThat(view(reversed)).isEqualTo(before);
            assertThat(published(reversed)).hasSize(7);
            assertThat(published(unpaid)).hasSize(5);
        });
    }
}
