package com.premiumledger.billing.autopay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.premiumledger.events.EventJson;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
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
 * Contact details when an account is opened, and autopay over HTTP: every refusal is problem+json with a stable
 * type and writes nothing; the accepted requests publish their events, which reach the autopay status through
 * Kafka.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.config.name=premium-platform,billing-service")
@ActiveProfiles("local")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AutopayIntegrationTest {

    static final Duration PATIENCE = Duration.ofSeconds(30);
    static final ParameterizedTypeReference<Map<String, Object>> JSON = new ParameterizedTypeReference<>() {
    };

    @Autowired
    TestRestTemplate rest;
    TestRestTemplate service() {
        return rest.withBasicAuth("service", "service-local-only");
    }

    ResponseEntity<Map<String, Object>> call(TestRestTemplate client, HttpMethod method, String path, Object body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        String json = body == null ? null : EventJson.mapper().valueToTree(body).toString();
        return client.exchange(path, method, new HttpEntity<>(json, headers), JSON);
    }

    static void assertProblem(ResponseEntity<Map<String, Object>> response, HttpStatus status, String slug) {
        assertThat(response.getStatusCode()).as("%s", response.getBody()).isEqualTo(status);
        assertThat(response.getHeaders().getContentType().isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .isTrue();
        assertThat(response.getBody()).containsEntry("type", "https://premium-ledger.example/problems/" + slug);
    }

    static String newId() {
        return "AP" + UUID.randomUUID().toString().replace("-", "").substring(0, 12).toUpperCase();
    }

    Map<String, Object> account(String accountId) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("accountId", accountId);
        body.put("holderName", "Ana Silva");
        body.put("program", "APTC");
        body.put("coverageStart", "2027-01-01");
        body.put("language", "es");
        return body;
    }

    static Map<String, Object> address(String state, String postalCode) {
        Map<String, Object> address = new LinkedHashMap<>();
        address.put("line1", "100 Tremont Street");
        address.put("city", "Boston");
        address.put("state", state);
        address.put("postalCode", postalCode);
        return address;
    }

    String openAccount() {
        String accountId = newId();
        assertThat(call(service(), HttpMethod.POST, "/accounts", account(accountId)).getStatusCode())
                .isEqualTo(HttpStatus.CREATED);
        return accountId;
    }

    @Test
    void anAccountOpensWithPhoneAddressAndPreference() {
        String accountId = newId();
        Map<String, Object> body = account(accountId);
        body.put("phone", "+16175550123");
        body.put("mailingAddress", address("MA", "02108-1234"));
        body.put("noticePreference", "MAIL");
        ResponseEntity<Map<String, Object>> created = call(service(), HttpMethod.POST, "/accounts", body);
        assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(created.getBody()).containsEntry("phone", "+16175550123").containsEntry("noticePreference", "MAIL");
        @SuppressWarnings("unchecked")
        Map<String, Object> mailingAddress = (Map<String, Object>) created.getBody().get("mailingAddress");
        assertThat(mailingAddress).containsEntry("line1", "100 Tremont Street").containsEntry("line2", null)
                .containsEntry("city", "Boston").containsEntry("state", "MA").containsEntry("postalCode", "02108-1234");
    }

    @Test
    void badContactDetailsAreRefusedAndNothingIsOpened() {
        Map<String, Map<String, Object>> bad = new LinkedHashMap<>();
        Map<String, Object> phone = account(newId());
        phone.put("phone", "617-555-0123");
        bad.put("phone", phone);
        Map<String, Object> state = account(newId());
        state.put("mailingAddress", address("Massachusetts", "02108"));
        bad.put("state", state);
        Map<String, Object> zip = account(newId());
        zip.put("mailingAddress", address("MA", "2108"));
        bad.put("zip", zip);
        Map<String, Object> mail = account(newId());
        mail.put("noticePreference", "MAIL");
        bad.put("mail without address", mail);
        Map<String, Object> sms = account(newId());
        sms.put("noticePreference", "SMS");
        sms.put("email", "ana@example.org");
        bad.put("sms without phone", sms);
        Map<String, Object> email = account(newId());
        email.put("noticePreference", "EMAIL");
        bad.put("email without email", email);
        bad.forEach((why, body) -> {
            assertProblem(call(service(), HttpMethod.POST, "/accounts", body), HttpStatus.BAD_REQUEST, "validation");
            // Nothing was written: the same id still opens.
            body.remove("phone");
            body.remove("mailingAddress");
            body.remove("noticePreference");
            assertThat(call(service(), HttpMethod.POST, "/accounts", body).getStatusCode()).as(why)
                    .isEqualTo(HttpStatus.CREATED);
        });
        Map<String, Object> territory = account(newId());
        territory.put("mailingAddress", address("ZZ", "00901"));
        assertProblem(call(service(), HttpMethod.POST, "/accounts", territory), HttpStatus.BAD_REQUEST,
                "mailing-address");
    }

    @Test
    void enrollCancelAndReportFailures() {
        String accountId = openAccount();
        assertThat(call(service(), HttpMethod.POST, "/accounts/" + accountId + "/bills",
                Map.of("coverageMonth", "2027-01", "grossPremiumCents", 50_000, "subsidyCents", 30_000))
                .getStatusCode()).isEqualTo(HttpStatus.CREATED);
        String path = "/accounts/" + accountId + "/autopay";
        assertProblem(call(service(), HttpMethod.POST, path + "/failures",
                Map.of("billId", accountId + "-2027-01", "amountCents", 20_000, "reason", "NSF")),
                HttpStatus.CONFLICT, "autopay-not-enrolled");
        assertProblem(call(service(), HttpMethod.DELETE, path, null), HttpStatus.CONFLICT, "autopay-not-enrolled");

        ResponseEntity<Map<String, Object>> enrolled = call(service(), HttpMethod.PUT, path,
                Map.of("method", "ACH", "lastFour", "6789"));
        assertThat(enrolled.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(enrolled.getBody()).containsEntry("enrolled", true).containsEntry("lastFour", "6789");
        assertProblem(call(service(), HttpMethod.PUT, path, Map.of("method", "CARD", "lastFour", "4242")),
                HttpStatus.CONFLICT, "autopay-enrolled");

        assertProblem(call(service(), HttpMethod.POST, path + "/failures",
                Map.of("billId", accountId + "-2031-01", "amountCents", 20_000, "reason", "NSF")),
                HttpStatus.NOT_FOUND, "bill-not-found");
        ResponseEntity<Map<String, Object>> failure = call(service(), HttpMethod.POST, path + "/failures",
                Map.of("billId", accountId + "-2027-01", "amountCents", 20_000, "reason", "NSF"));
        assertThat(failure.getStatusCode()).isEqualTo(HttpStatus.CREATED);

        await().atMost(PATIENCE).untilAsserted(() -> assertThat(
                call(rest.withBasicAuth("auditor", "auditor-local-only"), HttpMethod.GET, path, null).getBody())
                .containsEntry("enrolled", true).containsEntry("method", "ACH")
                .containsEntry("lastFailedBillId", accountId + "-2027-01").containsEntry("lastFailureReason", "NSF"));

        assertThat(call(service(), HttpMethod.DELETE, path, null).getStatusCode()).isEqualTo(HttpStatus.OK);
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(
                call(rest.withBasicAuth("auditor", "auditor-local-only"), HttpMethod.GET, path, null).getBody())
                .containsEntry("enrolled", false));
    }

    @Test
    void badAutopayRequestsAreRefused() {
        String accountId = openAccount();
        String path = "/accounts/" + accountId + "/autopay";
        assertProblem(call(service(), HttpMethod.PUT, path, Map.of("method", "ACH", "lastFour", "4242424242424242")),
                HttpStatus.BAD_REQUEST, "validation");
        assertProblem(call(service(), HttpMethod.PUT, path, Map.of("method", "CHECK", "lastFour", "1234")),
                HttpStatus.BAD_REQUEST, "validation");
        assertProblem(call(service(), HttpMethod.POST, path + "/failures",
                Map.of("billId", accountId + "-2027-01", "amountCents", 0, "reason", "NSF")),
                HttpStatus.BAD_REQUEST, "validation");
        assertProblem(call(service(), HttpMethod.PUT, "/accounts/" + newId() + "/autopay",
                Map.of("method", "ACH", "lastFour", "1234")), HttpStatus.NOT_FOUND, "not-found");
        assertProblem(call(rest.withBasicAuth("auditor", "auditor-local-only"), HttpMethod.PUT, path,
                Map.of("method", "ACH", "lastFour", "1234")), HttpStatus.FORBIDDEN, "forbidden");
        assertProblem(call(rest.withBasicAuth("auditor", "auditor-local-only"), HttpMethod.GET,
                "/accounts/" + newId() + "/autopay", null), HttpStatus.NOT_FOUND, "account-not-found");
    }
}
