package com.premiumledger.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Date;
import java.util.Properties;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The local stack's inbox over its real protocols: SMTP in, SMS in over HTTP, both listed over HTTP. */
class LocalInboxTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient client = HttpClient.newHttpClient();
    private LocalInbox inbox;

    @BeforeEach
    void start() throws Exception {
        inbox = LocalInbox.start(0, 0, new LocalInbox.Limits(3, 2, 1024, 20));
    }

    @AfterEach
    void stop() {
        inbox.close();
    }

    @Test
    void keepsEveryEmailAndListsItsAddressFieldsAndText() throws Exception {
        send("ana@example.org", "Your premium bill is ready", "Amount to pay: $200.00\r\nPay by: January 23, 2027",
                "BILL_READY:A-1-2027-02");
        send("bo@example.org", "Other member", "not for Ana", null);
        send("ana@example.org", "Your premium bill is ready", "the same notice again", "BILL_READY:A-1-2027-02");

        JsonNode listing = get("/mail?to=" + URLEncoder.encode("ana@example.org", StandardCharsets.UTF_8));
        assertThat(listing.get("count").asInt()).isEqualTo(2);
        JsonNode first = listing.get("mails").get(0);
        assertThat(first.get("to").asText()).isEqualTo("ana@example.org");
        assertThat(first.get("from").asText()).isEqualTo("notices@premium-ledger.example");
        assertThat(first.get("subject").asText()).isEqualTo("Your premium bill is ready");
        assertThat(first.get("messageId").asText()).startsWith("<").endsWith(">");
        assertThat(first.get("noticeId").asText()).isEqualTo("BILL_READY:A-1-2027-02");
        assertThat(first.get("sentDate").asText()).matches("\\d{4}-\\d{2}-\\d{2}T.*Z");
        assertThat(first.get("text").asText()).isEqualTo("Amount to pay: $200.00\nPay by: January 23, 2027");
        assertThat(listing.get("mails").get(1).get("text").asText()).isEqualTo("the same notice again");

        assertThat(inbox.mails("bo@example.org")).singleElement()
                .satisfies(mail -> assertThat(mail.noticeId()).isNull());
        // Without "to", everything, but at most the listing limit (the newest).
        JsonNode all = get("/mail");
        assertThat(all.get("count").asInt()).isEqualTo(3);
        assertThat(all.get("mails")).hasSize(2);
        assertThat(all.get("mails").get(0).get("to").asText()).isEqualTo("bo@example.org");
    }

    @Test
    void isTheSmsGatewayAndListsEverySmsAsItCameRepeatsIncluded() throws Exception {
        assertThat(postSms("{\"to\":\"+16175550123\",\"body\":\"Bill ready: $200\"}", "k-1").statusCode())
                .isEqualTo(202);
        assertThat(postSms("{\"to\":\"+16175550123\",\"body\":\"Bill ready: $200\"}", "k-1").statusCode())
                .isEqualTo(202);
        assertThat(postSms("{\"to\":\"+16175550999\",\"body\":\"Other\"}", "k-2").statusCode()).isEqualTo(202);

        JsonNode listing = get("/sms?to=" + URLEncoder.encode("+16175550123", StandardCharsets.UTF_8));
        assertThat(listing.get("count").asInt()).isEqualTo(2);
        JsonNode first = listing.get("sms").get(0);
        assertThat(first.get("to").asText()).isEqualTo("+16175550123");
        assertThat(first.get("body").asText()).isEqualTo("Bill ready: $200");
        assertThat(first.get("idempotencyKey").asText()).isEqualTo("k-1");
        assertThat(first.get("receivedAt").asText()).endsWith("Z");

        // Kept at most 3: the oldest goes.
        assertThat(postSms("{\"to\":\"+16175550999\",\"body\":\"Newest\"}", "k-3").statusCode()).isEqualTo(202);
        assertThat(inbox.sms(null)).extracting(LocalInbox.Sms::idempotencyKey).containsExactly("k-1", "k-2", "k-3");
    }

    @Test
    void refusesMalformedRequestsAndKeepsNothingFromThem() throws Exception {
        HttpResponse<String> notJson = client.send(HttpRequest.newBuilder(URI.create(inbox.smsGatewayUrl()))
                .header("Content-Type", "text/plain").POST(HttpRequest.BodyPublishers.ofString("hi")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(notJson.statusCode()).isEqualTo(415);
        assertThat(notJson.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(postSms("{\"to\":\"+16175550123\"", null).statusCode()).isEqualTo(400);
        assertThat(postSms("{\"to\":\"+16175550123\"}", null).statusCode()).isEqualTo(400);
        assertThat(postSms("[1]", null).statusCode()).isEqualTo(400);
        assertThat(postSms("{\"to\":\"+16175550123\",\"body\":\"" + "x".repeat(21) + "\"}", null).statusCode())
                .isEqualTo(400);
        assertThat(postSms("{\"to\":\"+16175550123\",\"body\":\"" + "x".repeat(2000) + "\"}", null).statusCode())
                .isEqualTo(413);
        assertThat(inbox.sms(null)).isEmpty();

        assertThat(status("GET", "/sms?limit=3")).isEqualTo(400);
        assertThat(status("GET", "/mail?limit=0")).isEqualTo(400);
        assertThat(status("GET", "/mail?limit=many")).isEqualTo(400);
        assertThat(status("GET", "/sms?limit=2")).isEqualTo(200);
        assertThat(status("DELETE", "/mail")).isEqualTo(405);
        assertThat(status("GET", "/mail/inbox")).isEqualTo(404);
    }

    private void send(String to, String subject, String text, String noticeId) throws Exception {
        Properties properties = new Properties();
        properties.put("mail.smtp.host", "127.0.0.1");
        properties.put("mail.smtp.port", Integer.toString(inbox.smtpPort()));
        MimeMessage message = new MimeMessage(Session.getInstance(properties));
        message.setFrom(new InternetAddress("notices@premium-ledger.example"));
        message.setRecipient(Message.RecipientType.TO, new InternetAddress(to));
        message.setSubject(subject);
        message.setText(text, StandardCharsets.UTF_8.name());
        message.setSentDate(new Date());
        if (noticeId != null) {
            message.setHeader(LocalInbox.NOTICE_ID_HEADER, noticeId);
        }
        Transport.send(message);
    }

    private HttpResponse<String> postSms(String body, String idempotencyKey) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(inbox.smsGatewayUrl()))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
        if (idempotencyKey != null) {
            request.header("Idempotency-Key", idempotencyKey);
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private JsonNode get(String path) throws Exception {
        HttpResponse<String> response = client.send(HttpRequest.newBuilder(URI.create(inbox.url() + path)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
        return JSON.readTree(response.body());
    }

    private int status(String method, String path) throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create(inbox.url() + path))
                .method(method, HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.discarding())
                .statusCode();
    }
}
