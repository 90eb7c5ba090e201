package com.premiumledger.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.premiumledger.events.AccountOpened;
import com.premiumledger.events.AutopayEnrolled;
import com.premiumledger.events.AutopayFailed;
import com.premiumledger.events.BillAllocation;
import com.premiumledger.events.BillIssued;
import com.premiumledger.events.CoverageStatusChanged;
import com.premiumledger.events.PaymentApplied;
import com.premiumledger.events.PaymentMissed;
import com.premiumledger.events.PaymentRecorded;
import com.premiumledger.events.Topics;
import com.premiumledger.notification.testing.Feed;
import com.premiumledger.notification.testing.TestSmtp;
import com.premiumledger.platform.testing.TestEvents;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * Issue 4's APTC example, end to end through Kafka and the SMTP server, on one business calendar from
 * 2026-12-20 to 2027-05-01. Coverage from 2027-01-01; each month's bill is $500 less $300 APTC, $200 due on the
 * 23rd of the month before. Three members:
 * <ul>
 *   <li>unpaid: January paid, February never; grace 2027-02-01..04-30, suspended 03-01, terminated on 05-01
 *   effective 02-28;</li>
 *   <li>reinstated (Spanish): the same until suspended, then pays February and March on 03-15 and is ACTIVE again;</li>
 *   <li>autopay: enrolled, so no due-soon reminders; February's autopay fails and the member pays by phone.</li>
 * </ul>
 * Events arrive as billing, payment and coverage publish them; each step waits until consumed, because the
 * expected order of notices is the order of the business days.
 */
@NotificationServiceTest
class NoticeLadderIntegrationTest {

    static final LocalDate START = LocalDate.of(2027, 1, 1);
    static final long DUE_CENTS = 20_000;

    static TestEvents events;

    @Autowired
    TestRestTemplate rest;

    Feed feed;
    String unpaid;
    String reinstated;
    String autopay;

    @BeforeAll
    static void connect(@Autowired Environment environment) {
        events = new TestEvents(environment.getRequiredProperty("spring.kafka.bootstrap-servers"));
    }

    @AfterAll
    static void disconnect() {
        events.close();
    }

    static String email(String accountId) {
        return accountId.toLowerCase() + "@example.org";
    }

    static String billId(String accountId, String month) {
        return accountId + "-" + month;
    }

    static LocalDate due(String month) {
        return YearMonth.parse(month).minusMonths(1).atDay(23);
    }

    void bill(String accountId, String month) {
        feed.billing(accountId, new BillIssued(accountId, billId(accountId, month), month, due(month), 50_000, 30_000,
                DUE_CENTS, LocalDate.of(2026, 12, 1), "billing-scheduler"));
    }

    /** A payment as payment-service records it and billing applies it, paying the named months in full. */
    void pay(String accountId, String paymentId, LocalDate received, String channel, String... months) {
        long amountCents = DUE_CENTS * months.length;
        feed.payment(paymentId, new PaymentRecorded(paymentId, accountId, amountCents, "ACH", channel, received, null,
                "6789", null, "key-" + paymentId, "service"));
        List<BillAllocation> allocations = Arrays.stream(months)
                .map(month -> new BillAllocation(billId(accountId, month), DUE_CENTS, 0)).toList();
        feed.billing(accountId, new PaymentApplied(accountId, paymentId, amountCents, received, allocations, 0, 0));
    }

    void missed(String accountId, String month, LocalDate businessDate) {
        feed.billing(accountId, new PaymentMissed(accountId, billId(accountId, month), month, due(month), DUE_CENTS,
                businessDate, "calendar"));
    }

    void coverage(String accountId, String from, String to, String reason, LocalDate effective, LocalDate graceStart,
                  LocalDate graceEnd, LocalDate paidThrough, LocalDate termination) {
        feed.coverage(accountId, new CoverageStatusChanged(accountId, "APTC", from, to, reason, effective, graceStart,
                graceEnd, paidThrough, termination, "cause-" + UUID.randomUUID()));
    }

    List<JsonNode> notices(String accountId) {
        ResponseEntity<JsonNode> response = rest.withBasicAuth("auditor", "auditor-local-only")
                .getForEntity("/accounts/{id}/notices?limit=500", JsonNode.class, accountId);
        List<JsonNode> list = new ArrayList<>();
        if (response.getStatusCode() == HttpStatus.OK) {
            response.getBody().get("notices").forEach(list::add);
        }
        return list;
    }

    List<String> noticeIds(String accountId) {
        return notices(accountId).stream().map(notice -> notice.get("noticeId").asText()).toList();
    }

    /** Waits until the account has exactly these notices, in this order, each delivered. */
    void expectNotices(String accountId, String... noticeIds) {
        await().atMost(Feed.WAIT).untilAsserted(() -> {
            assertThat(noticeIds(accountId)).containsExactly(noticeIds);
            assertThat(notices(accountId)).allSatisfy(notice ->
                    assertThat(notice.get("status").asText()).isEqualTo("SENT"));
        });
    }

    @Test
    void theAptcExampleSendsEachNoticeOfTheLadderOnceOnItsDay() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        unpaid = "UNPAID-" + run;
        reinstated = "PAID-" + run;
        autopay = "AUTO-" + run;
        feed = new Feed(events);
        List<String> members = List.of(unpaid, reinstated, autopay);

        // Enrolment: accounts, binder bills for January, autopay for one; January paid on 2026-12-20.
        for (String accountId : members) {
            feed.billing(accountId, new AccountOpened(accountId, "Member " + accountId, "APTC", START,
                    accountId.equals(reinstated) ? "es" : "en", email(accountId), "enrollment-feed"));
        }
        feed.billing(autopay, new AutopayEnrolled(autopay, "ACH", "6789", "member-portal", null));
        members.forEach(accountId -> bill(accountId, "2027-01"));
        members.forEach(accountId -> coverage(accountId, null, "PENDING_PAYMENT", "ENROLLED", START, null, null, null,
                null));
        feed.settle();
        members.forEach(accountId -> pay(accountId, "P-JAN-" + accountId, LocalDate.of(2026, 12, 20),
                accountId.equals(autopay) ? "AUTOPAY" : "ONLINE", "2027-01"));
        feed.settle();
        feed.closeThrough(LocalDate.of(2026, 12, 20));
        feed.closeThrough(LocalDate.of(2026, 12, 31));
        members.forEach(accountId -> coverage(accountId, "PENDING_PAYMENT", "ACTIVE", "BINDER_PAID", START, null, null,
                LocalDate.of(2027, 1, 31), null));
        members.forEach(accountId -> bill(accountId, "2027-02"));
        feed.settle();

        // February unpaid: reminded on 01-16 (not the autopay member), autopay fails on the due date.
        feed.closeThrough(LocalDate.of(2027, 1, 23));
        feed.billing(autopay, new AutopayFailed(autopay, billId(autopay, "2027-02"), DUE_CENTS, "NSF",
                "autopay-runner"));
        feed.settle();
        expectNotices(autopay, "AUTOPAY_ENROLLED:" + autopay + ":" + feedEventIdOfEnrollment(),
                "BILL_READY:" + billId(autopay, "2027-01"), "PAYMENT_RECEIVED:P-JAN-" + autopay,
                "BILL_READY:" + billId(autopay, "2027-02"), "AUTOPAY_FAILED:" + billId(autopay, "2027-02"));
        pay(autopay, "P-FEB-" + autopay, LocalDate.of(2027, 1, 23), "PHONE", "2027-02");
        feed.settle();

        // 01-24: billing misses February, coverage starts grace (02-01 to 04-30).
        feed.closeThrough(LocalDate.of(2027, 1, 24));
        for (String accountId : List.of(unpaid, reinstated)) {
            missed(accountId, "2027-02", LocalDate.of(2027, 1, 24));
            coverage(accountId, "ACTIVE", "GRACE", "PAYMENT_MISSED", LocalDate.of(2027, 1, 24),
                    LocalDate.of(2027, 2, 1), LocalDate.of(2027, 4, 30), LocalDate.of(2027, 1, 31), null);
        }
        feed.settle();
        for (String accountId : List.of(unpaid, reinstated)) {
            bill(accountId, "2027-03");
        }
        feed.settle();
        feed.closeThrough(LocalDate.of(2027, 2, 24));
        for (String accountId : List.of(unpaid, reinstated)) {
            missed(accountId, "2027-03", LocalDate.of(2027, 2, 24));
        }
        feed.settle();

        // 03-01: grace month 2, suspended. April's bill comes.
        feed.closeThrough(LocalDate.of(2027, 3, 1));
        for (String accountId : List.of(unpaid, reinstated)) {
            coverage(accountId, "GRACE", "SUSPENDED", "GRACE_MONTH_1_ENDED", LocalDate.of(2027, 3, 1),
                    LocalDate.of(2027, 2, 1), LocalDate.of(2027, 4, 30), LocalDate.of(2027, 1, 31), null);
        }
        feed.settle();
        for (String accountId : List.of(unpaid, reinstated)) {
            bill(accountId, "2027-04");
        }
        feed.settle();

        // 03-15: the second member pays February and March in full and is ACTIVE again.
        feed.closeThrough(LocalDate.of(2027, 3, 15));
        pay(reinstated, "P-MAR-" + reinstated, LocalDate.of(2027, 3, 15), "ONLINE", "2027-02", "2027-03");
        feed.settle();
        coverage(reinstated, "SUSPENDED", "ACTIVE", "PAID_IN_FULL", LocalDate.of(2027, 3, 15), null, null,
                LocalDate.of(2027, 3, 31), null);
        feed.settle();
        feed.closeThrough(LocalDate.of(2027, 3, 20));
        pay(reinstated, "P-APR-" + reinstated, LocalDate.of(2027, 3, 20), "ONLINE", "2027-04");
        feed.settle();

        // The unpaid member is warned 30 and 10 days before the grace end, then terminated effective 02-28.
        feed.closeThrough(LocalDate.of(2027, 3, 24));
        missed(unpaid, "2027-04", LocalDate.of(2027, 3, 24));
        feed.settle();
        feed.closeThrough(LocalDate.of(2027, 5, 1));
        // As coverage-service decides it: effective on the termination date, not on the day it was decided.
        coverage(unpaid, "SUSPENDED", "TERMINATED", "GRACE_EXPIRED", LocalDate.of(2027, 2, 28),
                LocalDate.of(2027, 2, 1), LocalDate.of(2027, 4, 30), LocalDate.of(2027, 1, 31),
                LocalDate.of(2027, 2, 28));
        feed.settle();

        String[] unpaidLadder = {"BILL_READY:" + billId(unpaid, "2027-01"), "PAYMENT_RECEIVED:P-JAN-" + unpaid,
            "BILL_READY:" + billId(unpaid, "2027-02"), "PAYMENT_DUE_SOON:" + billId(unpaid, "2027-02"),
            "PAST_DUE_WARNING:" + unpaid + ":2027-02-01", "BILL_READY:" + billId(unpaid, "2027-03"),
            "PAYMENT_DUE_SOON:" + billId(unpaid, "2027-03"), "SUSPENSION:" + unpaid + ":2027-02-01",
            "BILL_READY:" + billId(unpaid, "2027-04"), "PAYMENT_DUE_SOON:" + billId(unpaid, "2027-04"),
            "TERMINATION_WARNING:" + unpaid + ":2027-02-01:30d", "TERMINATION_WARNING:" + unpaid + ":2027-02-01:10d",
            "TERMINATION:" + unpaid + ":2027-02-28"};
        String[] reinstatedLadder = {"BILL_READY:" + billId(reinstated, "2027-01"),
            "PAYMENT_RECEIVED:P-JAN-" + reinstated, "BILL_READY:" + billId(reinstated, "2027-02"),
            "PAYMENT_DUE_SOON:" + billId(reinstated, "2027-02"), "PAST_DUE_WARNING:" + reinstated + ":2027-02-01",
            "BILL_READY:" + billId(reinstated, "2027-03"), "PAYMENT_DUE_SOON:" + billId(reinstated, "2027-03"),
            "SUSPENSION:" + reinstated + ":2027-02-01", "BILL_READY:" + billId(reinstated, "2027-04"),
            "PAYMENT_RECEIVED:P-MAR-" + reinstated, "REINSTATEMENT:" + reinstated + ":2027-03-15",
            "PAYMENT_DUE_SOON:" + billId(reinstated, "2027-04"), "PAYMENT_RECEIVED:P-APR-" + reinstated};
        String[] autopayLadder = {"AUTOPAY_ENROLLED:" + autopay + ":" + feedEventIdOfEnrollment(),
            "BILL_READY:" + billId(autopay, "2027-01"), "PAYMENT_RECEIVED:P-JAN-" + autopay,
            "BILL_READY:" + billId(autopay, "2027-02"), "AUTOPAY_FAILED:" + billId(autopay, "2027-02"),
            "PAYMENT_RECEIVED:P-FEB-" + autopay};
        expectNotices(unpaid, unpaidLadder);
        expectNotices(reinstated, reinstatedLadder);
        expectNotices(autopay, autopayLadder);

        assertUnpaidEmails();
        assertReinstatedEmails();
        assertOneEmailPerNotice(unpaid, unpaidLadder.length);
        assertOneEmailPerNotice(reinstated, reinstatedLadder.length);
        assertOneEmailPerNotice(autopay, autopayLadder.length);

        // Everything again, as a redelivery or a replay would bring it: no notice is issued or sent twice.
        feed.redeliverAll();
        await().during(Duration.ofSeconds(1)).atMost(Feed.WAIT).untilAsserted(() -> {
            assertThat(noticeIds(unpaid)).containsExactly(unpaidLadder);
            assertThat(noticeIds(reinstated)).containsExactly(reinstatedLadder);
            assertThat(noticeIds(autopay)).containsExactly(autopayLadder);
            assertThat(events.readAll(Topics.NOTICES, unpaid)).hasSize(unpaidLadder.length);
            assertOneEmailPerNotice(unpaid, unpaidLadder.length);
            assertOneEmailPerNotice(reinstated, reinstatedLadder.length);
            assertOneEmailPerNotice(autopay, autopayLadder.length);
        });
    }

    /** The autopay enrolment came before any day closed, so its notice is named by its event. */
    String feedEventIdOfEnrollment() {
        return events.readAll(Topics.BILLING, autopay).stream()
                .map(com.premiumledger.events.CloudEventsCodec::fromRecord)
                .filter(envelope -> envelope.payload() instanceof AutopayEnrolled)
                .map(com.premiumledger.events.EventEnvelope::eventId).findFirst().orElseThrow();
    }

    void assertUnpaidEmails() throws Exception {
        String pastDue = body(unpaid, "PAST_DUE_WARNING:" + unpaid + ":2027-02-01");
        assertThat(pastDue).contains("Account number: " + unpaid).contains("Amount to pay: $200.00")
                .contains("Pay by: April 30, 2027").contains("runs from February 1, 2027 to April 30, 2027");
        assertThat(body(unpaid, "PAYMENT_DUE_SOON:" + billId(unpaid, "2027-02"))).contains("$200.00")
                .contains("Pay by: January 23, 2027");
        assertThat(body(unpaid, "SUSPENSION:" + unpaid + ":2027-02-01")).contains("Amount to pay: $400.00")
                .contains("from March 1, 2027").contains("Pay by: April 30, 2027");
        assertThat(body(unpaid, "TERMINATION_WARNING:" + unpaid + ":2027-02-01:30d"))
                .contains("Amount to pay: $600.00").contains("ends on April 30, 2027, in 30 days");
        assertThat(body(unpaid, "TERMINATION_WARNING:" + unpaid + ":2027-02-01:10d"))
                .contains("Amount to pay: $600.00").contains("in 10 days");
        assertThat(body(unpaid, "TERMINATION:" + unpaid + ":2027-02-28"))
                .contains("Your coverage ended on February 28, 2027").contains("$600.00");
        assertThat(subject(unpaid, "BILL_READY:" + billId(unpaid, "2027-03")))
                .isEqualTo("Your premium bill for 2027-03 is ready");
    }

    void assertReinstatedEmails() throws Exception {
        assertThat(body(reinstated, "PAST_DUE_WARNING:" + reinstated + ":2027-02-01"))
                .contains("Número de cuenta: " + reinstated).contains("Monto a pagar: $200.00")
                .contains("Pagar a más tardar: 30 de abril de 2027");
        assertThat(body(reinstated, "REINSTATEMENT:" + reinstated + ":2027-03-15"))
                .contains("activa de nuevo desde el 15 de marzo de 2027");
        assertThat(body(reinstated, "PAYMENT_RECEIVED:P-MAR-" + reinstated)).contains("$400.00")
                .contains("15 de marzo de 2027");
    }

    /** Exactly one message per notice, each with the stable Message-ID of its notice. */
    static void assertOneEmailPerNotice(String accountId, int notices) throws Exception {
        List<MimeMessage> messages = TestSmtp.messagesTo(email(accountId));
        assertThat(messages).hasSize(notices);
        List<String> messageIds = new ArrayList<>();
        for (MimeMessage message : messages) {
            messageIds.add(message.getMessageID());
        }
        assertThat(messageIds).doesNotHaveDuplicates().allSatisfy(id -> assertThat(id)
                .endsWith("@notices.premium-ledger.example>"));
    }

    static MimeMessage message(String accountId, String noticeId) throws Exception {
        for (MimeMessage message : TestSmtp.messagesTo(email(accountId))) {
            if (noticeId.equals(message.getHeader("X-Premium-Notice-Id", null))) {
                return message;
            }
        }
        throw new AssertionError("no email for notice " + noticeId);
    }

    static String body(String accountId, String noticeId) throws Exception {
        return ((String) message(accountId, noticeId).getContent()).replace("\r\n", "\n");
    }

    static String subject(String accountId, String noticeId) throws Exception {
        return message(accountId, noticeId).getSubject();
    }
}
