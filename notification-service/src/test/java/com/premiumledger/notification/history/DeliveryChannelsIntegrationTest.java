package com.premiumledger.notification.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.premiumledger.events.AccountOpened;
import com.premiumledger.events.BillIssued;
import com.premiumledger.events.CloudEventsCodec;
import com.premiumledger.events.MailingAddress;
import com.premiumledger.events.PaymentReversed;
import com.premiumledger.events.Topics;
import com.premiumledger.notification.NotificationServiceTest;
import com.premiumledger.notification.testing.Feed;
import com.premiumledger.notification.testing.TestSmsGateway;
import com.premiumledger.notification.testing.TestSmtp;
import com.premiumledger.platform.consumer.ReceivedEvent;
import com.premiumledger.platform.testing.TestEvents;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * The channels: SMS through the local gateway, letters as PDF, and an SMTP server that is down (retries with
 * backoff, then FAILED, counted, and printed as a letter instead). Also: rebuilding the history projection from
 * the notices topic sends nothing.
 */
@NotificationServiceTest
class DeliveryChannelsIntegrationTest {

    static final MailingAddress ADDRESS = new MailingAddress("100 Tremont Street", "Apt 4B", "Boston", "MA",
            "02108-1234");

    static TestEvents events;

    @Autowired
    TestRestTemplate rest;
    @Autowired
    MeterRegistry meters;
    @Autowired
    NoticeProjection projection;
    @Autowired
    MongoDatabase database;

    @BeforeAll
    static void connect(@Autowired Environment environment) {
        events = new TestEvents(environment.getRequiredProperty("spring.kafka.bootstrap-servers"));
    }

    @AfterAll
    static void disconnect() {
        events.close();
    }

    TestRestTemplate auditor() {
        return rest.withBasicAuth("auditor", "auditor-local-only");
    }

    JsonNode notice(String noticeId) {
        ResponseEntity<JsonNode> response = auditor().getForEntity("/notices/{id}", JsonNode.class, noticeId);
        return response.getStatusCode() == HttpStatus.OK ? response.getBody() : null;
    }

    JsonNode awaitStatus(String noticeId, String status) {
        await().atMost(Feed.WAIT).until(() -> {
            JsonNode notice = notice(noticeId);
            return notice != null && notice.get("status").asText().equals(status);
        });
        return notice(noticeId);
    }

    Feed openAndBill(String accountId, String email, String phone, String preference, String language) {
        Feed feed = new Feed(events);
        feed.billing(accountId, new AccountOpened(accountId, "Jo Member", "UNSUBSIDIZED", LocalDate.of(2027, 1, 1),
                language, email, phone, ADDRESS, preference, "enrollment-feed"));
        feed.billing(accountId, new BillIssued(accountId, accountId + "-2027-02", "2027-02",
                LocalDate.of(2027, 1, 23), 41_250, 0, 41_250, LocalDate.of(2026, 12, 1), "billing-scheduler"));
        feed.settle();
        return feed;
    }

    double counter(String name, String type, String channel) {
        Counter counter = meters.find(name).tag("type", type).tag("channel", channel).counter();
        return counter == null ? 0 : counter.count();
    }

    @Test
    void aMemberWhoChoseSmsGetsTheNoticeThroughTheGateway() {
        String accountId = "SMS-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        String phone = "+1617555" + (1000 + Math.abs(accountId.hashCode() % 9000));
        Feed feed = openAndBill(accountId, "jo@example.org", phone, "SMS", "en");
        String noticeId = "BILL_READY:" + accountId + "-2027-02";

        JsonNode sent = awaitStatus(noticeId, "SENT");
        assertThat(sent.get("channel").asText()).isEqualTo("SMS");
        assertThat(sent.get("recipient").asText()).isEqualTo(phone);
        List<TestSmsGateway.Sms> received = TestSmsGateway.received(phone);
        assertThat(received).hasSize(1);
        assertThat(received.get(0).body()).contains("$412.50").contains("January 23, 2027").contains(accountId)
                .isEqualTo(sent.get("body").asText().strip());
        assertThat(received.get(0).idempotencyKey()).isEqualTo(noticeId);
        assertThat(auditor().getForEntity("/notices/{id}/letter.pdf", JsonNode.class, noticeId).getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);

        // A returned payment on the payments topic reaches the member the same way.
        feed.payment("P-" + accountId, new PaymentReversed("P-" + accountId, accountId, 41_250, "CHECK",
                "RETURNED_CHECK", LocalDate.of(2027, 1, 20), "bank-returns-feed"));
        feed.settle();
        awaitStatus("PAYMENT_RETURNED:P-" + accountId, "SENT");
        assertThat(TestSmsGateway.received(phone)).hasSize(2);
        assertThat(TestSmsGateway.received(phone).get(1).body()).contains("$412.50").contains("January 30, 2027");
    }

    @Test
    void aMemberWhoChoseMailGetsAPrintedLetterInSpanish() throws Exception {
        String accountId = "MAIL-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        openAndBill(accountId, "jo@example.org", null, "MAIL", "es");
        String noticeId = "BILL_READY:" + accountId + "-2027-02";

        JsonNode sent = awaitStatus(noticeId, "SENT");
        assertThat(sent.get("channel").asText()).isEqualTo("LETTER");
        assertThat(sent.get("recipient").asText()).isEqualTo("100 Tremont Street, Apt 4B, Boston, MA 02108-1234");
        assertThat(sent.get("language").asText()).isEqualTo("es");
        ResponseEntity<byte[]> pdf = auditor().getForEntity("/notices/{id}/letter.pdf", byte[].class, noticeId);
        assertThat(pdf.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(pdf.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PDF);
        try (PDDocument document = Loader.loadPDF(pdf.getBody())) {
            assertThat(new PDFTextStripper().getText(document)).contains("Jo Member").contains("Boston, MA 02108-1234")
                    .contains("Número de cuenta: " + accountId).contains("Monto a pagar: $412.50")
                    .contains("23 de enero de 2027");
        }
        assertThat(TestSmtp.messagesTo("jo@example.org").stream().noneMatch(message -> {
            try {
                return noticeId.equals(message.getHeader("X-Premium-Notice-Id", null));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        })).isTrue();
    }

    @Test
    void anEmailThatCannotBeSentIsRetriedThenFailedAndPrintedAsALetter() throws Exception {
        String accountId = "FAIL-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        String noticeId = "BILL_READY:" + accountId + "-2027-02";
        double failedBefore = counter("ledger.notices.failed", "BILL_READY", "EMAIL");
        double lettersBefore = counter("ledger.notices.sent", "BILL_READY", "LETTER");
        TestSmtp.stop();
        try {
            openAndBill(accountId, accountId.toLowerCase() + "@example.org", null, "EMAIL", "en");
            JsonNode failed = awaitStatus(noticeId, "FAILED");
            assertThat(failed.get("attempts").asInt()).isEqualTo(3);
            assertThat(failed.get("lastError").asText()).isNotBlank();
            assertThat(failed.get("fallbackChannel").asText()).isEqualTo("LETTER");
            assertThat(failed.get("deliveredAt").isNull()).isTrue();
            assertThat(failed.get("fallbackBody").asText()).contains("Amount to pay: $412.50");
        } finally {
            TestSmtp.restart();
        }
        assertThat(counter("ledger.notices.failed", "BILL_READY", "EMAIL")).isEqualTo(failedBefore + 1);
        assertThat(counter("ledger.notices.sent", "BILL_READY", "LETTER")).isEqualTo(lettersBefore + 1);
        assertThat(meters.find("ledger.notices.failed").counter().getId().getDescription()).isNotBlank();
        ResponseEntity<byte[]> pdf = auditor().getForEntity("/notices/{id}/letter.pdf", byte[].class, noticeId);
        assertThat(pdf.getStatusCode()).isEqualTo(HttpStatus.OK);
        try (PDDocument document = Loader.loadPDF(pdf.getBody())) {
            assertThat(new PDFTextStripper().getText(document)).contains("Account number: " + accountId);
        }
        // FAILED is final: the server being back sends nothing late.
        await().during(Duration.ofMillis(800)).atMost(Feed.WAIT).untilAsserted(() ->
                assertThat(TestSmtp.messagesTo(accountId.toLowerCase() + "@example.org")).isEmpty());
    }

    @Test
    void rebuildingTheHistoryFromTheNoticesTopicSendsNothing() {
        String accountId = "REBUILD-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        String email = accountId.toLowerCase() + "@example.org";
        openAndBill(accountId, email, null, null, "en");
        awaitStatus("BILL_READY:" + accountId + "-2027-02", "SENT");
        JsonNode before = auditor().getForEntity("/accounts/{id}/notices", JsonNode.class, accountId).getBody();
        assertThat(TestSmtp.messagesTo(email)).hasSize(1);

        database.getCollection(NoticeProjection.NOTICES).deleteMany(Filters.eq("accountId", accountId));
        database.getCollection(NoticeProjection.ACCOUNT_NOTICES).deleteOne(Filters.eq("_id", accountId));
        for (ConsumerRecord<String, byte[]> record : events.readAll(Topics.NOTICES, accountId)) {
            projection.handle(new ReceivedEvent(CloudEventsCodec.fromRecord(record), record.topic(),
                    record.partition(), record.offset()));
        }

        assertThat(auditor().getForEntity("/accounts/{id}/notices", JsonNode.class, accountId).getBody())
                .isEqualTo(before);
        await().during(Duration.ofMillis(800)).atMost(Feed.WAIT).untilAsserted(() ->
                assertThat(TestSmtp.messagesTo(email)).hasSize(1));
    }
}
