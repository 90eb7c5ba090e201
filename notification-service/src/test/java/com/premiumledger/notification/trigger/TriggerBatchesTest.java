package com.premiumledger.notification.trigger;

import static com.premiumledger.notification.trigger.TriggerFixture.received;
import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.model.Filters;
import com.premiumledger.events.AccountOpened;
import com.premiumledger.events.AutopayEnrolled;
import com.premiumledger.events.AutopayFailed;
import com.premiumledger.events.BillAllocation;
import com.premiumledger.events.BillIssued;
import com.premiumledger.events.CoverageStatusChanged;
import com.premiumledger.events.CreditApplied;
import com.premiumledger.events.DayClosed;
import com.premiumledger.events.PaymentApplied;
import com.premiumledger.events.PaymentRecorded;
import com.premiumledger.events.Topics;
import com.premiumledger.notification.NotificationProperties;
import com.premiumledger.notification.NotificationServiceTest;
import com.premiumledger.notification.notice.NoticeIds;
import com.premiumledger.platform.consumer.ReceivedEvent;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;

/**
 * The triggers under the consumer contract: a batch handed twice, or earlier events repeated after later ones,
 * changes no stored document and sends no second command; a batch folds as its events one by one would; and a
 * batch costs the same store round trips whatever its size.
 */
@NotificationServiceTest
class TriggerBatchesTest {

    static final LocalDate FIRST_DUE = LocalDate.of(2027, 1, 23);
    static final LocalDate SECOND_DUE = LocalDate.of(2027, 2, 23);

    @Autowired
    Environment environment;
    @Autowired
    NotificationProperties properties;

    TriggerFixture fixture;
    long calendarSequence;

    @BeforeEach
    void open() {
        fixture = fixture();
    }

    @AfterEach
    void close() {
        fixture.close();
    }

    TriggerFixture fixture() {
        return new TriggerFixture(environment.getRequiredProperty("spring.data.mongodb.uri"), properties);
    }

    ReceivedEvent dayClosed(LocalDate date, LocalDate previous) {
        return received(Topics.BILLING, DayClosed.STREAM_KEY, calendarSequence++,
                new DayClosed(date, previous, "scheduler"));
    }

    static String first(String accountId) {
        return accountId + ":2027-02";
    }

    static String second(String accountId) {
        return accountId + ":2027-03";
    }

    /** An account's billing stream: opened, two bills, the first paid off, autopay enrolled, then it fails. */
    static List<ReceivedEvent> billingStream(String accountId) {
        String paymentId = "P-" + accountId;
        return List.of(
                received(Topics.BILLING, accountId, 0, new AccountOpened(accountId, "Bea Member", "APTC",
                        LocalDate.of(2027, 1, 1), "en", "bea@example.org", "service")),
                received(Topics.BILLING, accountId, 1, new BillIssued(accountId, first(accountId), "2027-02",
                        FIRST_DUE, 50_000, 30_000, 20_000, LocalDate.of(2026, 12, 1), "service")),
                received(Topics.BILLING, accountId, 2, new BillIssued(accountId, second(accountId), "2027-03",
                        SECOND_DUE, 50_000, 30_000, 20_000, LocalDate.of(2027, 1, 1), "service")),
                received(Topics.BILLING, accountId, 3, new PaymentApplied(accountId, paymentId, 15_000,
                        LocalDate.of(2027, 1, 16), List.of(new BillAllocation(first(accountId), 15_000, 5_000)), 0,
                        0)),
                received(Topics.BILLING, accountId, 4, new CreditApplied(accountId, first(accountId), 5_000, 0, 0,
                        20_000)),
                received(Topics.BILLING, accountId, 5, new AutopayEnrolled(accountId, "ACH", "6789", "service",
                        LocalDate.of(2027, 1, 16))),
                received(Topics.BILLING, accountId, 6, new AutopayFailed(accountId, second(accountId), 20_000,
                        "NSF", "service")));
    }

    /** The streams of several accounts interleaved, as one partition's batch carries them. */
    static List<ReceivedEvent> interleaved(List<String> accountIds) {
        List<ReceivedEvent> batch = new ArrayList<>();
        for (int sequence = 0; sequence < 7; sequence++) {
            for (String accountId : accountIds) {
                batch.add(billingStream(accountId).get(sequence));
            }
        }
        return batch;
    }

    static List<String> accounts(int count) {
        List<String> accountIds = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            accountIds.add("T-" + UUID.randomUUID());
        }
        return accountIds;
    }

    @Test
    void aBillingBatchHandedAgainOrRepeatedAfterLaterEventsChangesNothing() {
        fixture.billing.handle(dayClosed(LocalDate.of(2027, 1, 16), null));
        List<String> accountIds = accounts(3);
        List<ReceivedEvent> batch = interleaved(accountIds);

        fixture.billing.handleAll(batch);
        Map<String, List<Document>> stored = fixture.stored();
        int sent = fixture.notices.sent().size();
        String accountId = accountIds.get(0);
        assertThat(fixture.notices.issued()).contains(NoticeIds.billReady(first(accountId)),
                NoticeIds.dueSoon(first(accountId)), NoticeIds.billReady(second(accountId)),
                NoticeIds.autopayEnrolled(accountId, "2027-01-16"), NoticeIds.autopayFailed(second(accountId)));
        assertThat(fixture.notices.issued()).hasSize(15);
        assertThat(sent).isEqualTo(15);

        fixture.billing.handleAll(batch);
        assertThat(fixture.stored()).isEqualTo(stored);
        fixture.billing.handleAll(List.of(batch.get(3), batch.get(9), batch.get(12), batch.get(0)));
        assertThat(fixture.stored()).isEqualTo(stored);
        batch.forEach(fixture.billing::handle);
        assertThat(fixture.stored()).isEqualTo(stored);
        assertThat(fixture.notices.sent()).hasSize(sent);

        Document state = fixture.mongo.database().getCollection("notice_accounts")
                .find(Filters.eq("_id", accountId)).first();
        assertThat(state.get("bills", Document.class).get(first(accountId), Document.class).getLong("openCents"))
                .isZero();
        assertThat(state.getLong("lastSequence")).isEqualTo(6);
    }

    @Test
    void aBatchFoldsAsItsEventsOneByOne() {
        List<String> accountIds = accounts(3);
        List<ReceivedEvent> batch = interleaved(accountIds);
        try (TriggerFixture oneByOne = fixture()) {
            for (TriggerFixture each : List.of(fixture, oneByOne)) {
                each.billing.handle(dayClosed(LocalDate.of(2027, 1, 16), null));
                calendarSequence = 0;
            }
            fixture.billing.handleAll(batch);
            batch.forEach(oneByOne.billing::handle);

            assertThat(oneByOne.stored()).isEqualTo(fixture.stored());
            assertThat(oneByOne.notices.issued()).containsExactlyInAnyOrderElementsOf(fixture.notices.issued());
        }
    }

    @Test
    void aCoverageBatchHandedAgainOrAnOldChangeAfterNewerOnesChangesNothing() {
        fixture.billing.handle(dayClosed(LocalDate.of(2027, 1, 24), null));
        List<String> accountIds = accounts(2);
        List<ReceivedEvent> batch = new ArrayList<>();
        for (String accountId : accountIds) {
            fixture.billing.handleAll(billingStream(accountId).subList(0, 2));
            batch.add(received(Topics.COVERAGE, accountId, 0, new CoverageStatusChanged(accountId, "APTC", "ACTIVE",
                    "GRACE", "PAYMENT_MISSED", LocalDate.of(2027, 1, 24), LocalDate.of(2027, 2, 1),
                    LocalDate.of(2027, 4, 30), LocalDate.of(2027, 1, 31), null, "cause-" + accountId)));
            batch.add(received(Topics.COVERAGE, accountId, 1, new CoverageStatusChanged(accountId, "APTC", "GRACE",
                    "SUSPENDED", "GRACE_MONTH_2", LocalDate.of(2027, 3, 1), LocalDate.of(2027, 2, 1),
                    LocalDate.of(2027, 4, 30), LocalDate.of(2027, 1, 31), null, "cause-" + accountId)));
        }

        fixture.coverage.handleAll(batch);
        Map<String, List<Document>> stored = fixture.stored();
        int sent = fixture.notices.sent().size();
        String accountId = accountIds.get(0);
        assertThat(fixture.notices.issued()).contains(
                NoticeIds.pastDueWarning(accountId, LocalDate.of(2027, 2, 1)),
                NoticeIds.suspension(accountId, LocalDate.of(2027, 2, 1)));

        fixture.coverage.handleAll(batch);
        fixture.coverage.handleAll(List.of(batch.get(0), batch.get(2)));
        batch.forEach(fixture.coverage::handle);

        assertThat(fixture.stored()).isEqualTo(stored);
        assertThat(fixture.notices.sent()).hasSize(sent);
        Document coverage = fixture.mongo.database().getCollection("notice_accounts")
                .find(Filters.eq("_id", accountId + "|coverage")).first();
        assertThat(coverage.get("coverage", Document.class).getString("status")).isEqualTo("SUSPENDED");
    }

    @Test
    void aPaymentBatchHandedAgainOrOutOfOrderSendsNoSecondCommand() {
        List<ReceivedEvent> batch = new ArrayList<>();
        for (String accountId : accounts(3)) {
            String paymentId = "P-" + UUID.randomUUID();
            batch.add(received(Topics.PAYMENTS, paymentId, 0, new PaymentRecorded(paymentId, accountId, 15_000, "ACH",
                    "ONLINE", LocalDate.of(2027, 1, 25), null, "6789", null, "key-" + paymentId, "service")));
        }

        fixture.payments.handleAll(batch);
        Map<String, List<Document>> stored = fixture.stored();
        assertThat(fixture.notices.issued()).hasSize(3);

        fixture.payments.handleAll(batch);
        fixture.payments.handleAll(List.of(batch.get(2), batch.get(0)));
        batch.forEach(fixture.payments::handle);

        assertThat(fixture.stored()).isEqualTo(stored);
        assertThat(fixture.notices.sent()).hasSize(3);
    }

    @Test
    void aDayClosedSeenAgainIssuesNothing() {
        String accountId = accounts(1).get(0);
        ReceivedEvent february1 = dayClosed(LocalDate.of(2027, 2, 1), null);
        fixture.billing.handle(february1);
        fixture.billing.handleAll(billingStream(accountId).subList(0, 3));
        ReceivedEvent february16 = dayClosed(LocalDate.of(2027, 2, 16), LocalDate.of(2027, 2, 1));
        fixture.billing.handle(february16);
        assertThat(fixture.notices.issued()).contains(NoticeIds.dueSoon(second(accountId)));
        Map<String, List<Document>> stored = fixture.stored();
        int sent = fixture.notices.sent().size();

        fixture.billing.handle(february16);
        fixture.billing.handleAll(List.of(february1, february16));
        assertThat(fixture.stored()).isEqualTo(stored);
        ReceivedEvent february17 = dayClosed(LocalDate.of(2027, 2, 17), LocalDate.of(2027, 2, 16));
        fixture.billing.handleAll(List.of(february17, february16, february1));

        assertThat(fixture.notices.sent()).hasSize(sent);
        assertThat(fixture.mongo.database().getCollection("notice_calendar").find().first())
                .containsEntry("lastClosedDate", "2027-02-17").containsEntry("handledSequence", 2L);
    }

    @Test
    void storeRoundTripsPerBatchDoNotGrowWithTheBatch() {
        fixture.billing.handle(dayClosed(LocalDate.of(2027, 1, 16), null));
        List<Map<String, Long>> billing = new ArrayList<>();
        List<Map<String, Long>> coverage = new ArrayList<>();
        List<Map<String, Long>> payments = new ArrayList<>();
        for (int size : new int[] {5, 50}) {
            List<String> accountIds = accounts(size);
            List<ReceivedEvent> coverageBatch = new ArrayList<>();
            List<ReceivedEvent> paymentBatch = new ArrayList<>();
            for (String accountId : accountIds) {
                coverageBatch.add(received(Topics.COVERAGE, accountId, 0, new CoverageStatusChanged(accountId,
                        "APTC", "ACTIVE", "GRACE", "PAYMENT_MISSED", LocalDate.of(2027, 1, 24),
                        LocalDate.of(2027, 2, 1), LocalDate.of(2027, 4, 30), LocalDate.of(2027, 1, 31), null,
                        "cause-" + accountId)));
                String paymentId = "P-" + UUID.randomUUID();
                paymentBatch.add(received(Topics.PAYMENTS, paymentId, 0, new PaymentRecorded(paymentId, accountId,
                        15_000, "ACH", "ONLINE", LocalDate.of(2027, 1, 16), null, "6789", null, "key-" + paymentId,
                        "service")));
            }
            fixture.mongo.roundTrips();
            fixture.billing.handleAll(interleaved(accountIds));
            billing.add(fixture.mongo.roundTrips());
            fixture.coverage.handleAll(coverageBatch);
            coverage.add(fixture.mongo.roundTrips());
            fixture.payments.handleAll(paymentBatch);
            payments.add(fixture.mongo.roundTrips());
        }
        System.out.printf("store round trips per batch of 5 and 50 accounts: billing %s, coverage %s, payments %s%n",
                billing, coverage, payments);
        assertThat(billing.get(1)).isEqualTo(billing.get(0));
        assertThat(coverage.get(1)).isEqualTo(coverage.get(0));
        assertThat(payments.get(1)).isEqualTo(payments.get(0));
        assertThat(billing.get(0).get("notice_accounts")).isEqualTo(2);
        assertThat(coverage.get(0).get("notice_accounts")).isEqualTo(2);
    }
}
