package com.premiumledger.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** A payload that lost a field is refused, never read as 0 or null. */
class StrictReadingTest {

    private static final String TYPE = "com.premiumledger.billing.PaymentMissed.v1";

    @Test
    void aMissingAmountIsRefused() {
        String json = """
                {"accountId":"A1","billId":"A1-2027-02","coverageMonth":"2027-02","dueDate":"2027-01-23",
                 "businessDate":"2027-01-24","decidedBy":"calendar"}""";
        assertThatThrownBy(() -> EventJson.read(TYPE, json.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(EnvelopeException.class);
    }

    @Test
    void aNullAmountIsRefused() {
        String json = """
                {"accountId":"A1","billId":"A1-2027-02","coverageMonth":"2027-02","dueDate":"2027-01-23",
                 "openCents":null,"businessDate":"2027-01-24","decidedBy":"calendar"}""";
        assertThatThrownBy(() -> EventJson.read(TYPE, json.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(EnvelopeException.class);
    }

    @Test
    void aCompletePayloadWithAnExtraFieldIsRead() {
        String json = """
                {"accountId":"A1","billId":"A1-2027-02","coverageMonth":"2027-02","dueDate":"2027-01-23",
                 "openCents":20000,"businessDate":"2027-01-24","decidedBy":"calendar","addedLater":"x"}""";
        assertThat(((PaymentMissed) EventJson.read(TYPE, json.getBytes(StandardCharsets.UTF_8))).openCents())
                .isEqualTo(20_000);
    }
}
