package com.premiumledger.platform.eventstore;

import static org.assertj.core.api.Assertions.assertThat;

import com.premiumledger.events.BillIssued;
import com.premiumledger.events.EventEnvelope;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A stored event of an old type version is upcast with the instant it was stored, as the log's readers see it. */
class StoredEventTest {

    private static final String V1_PAYLOAD = """
            {"accountId":"A1","billId":"A1-2027-01","coverageMonth":"2027-01","dueDate":"2026-12-23",
             "grossPremiumCents":50000,"subsidyCents":30000,"amountDueCents":20000,"issuedBy":"service"}""";

    @Test
    void aStoredV1BillIsReadAsV2IssuedOnTheUtcDateItWasStored() {
        Instant storedAt = Instant.parse("2026-12-02T04:30:00Z");
        StoredEvent stored = new StoredEvent("e-1", "com.premiumledger.billing.BillIssued.v1", "BillingAccount", "A1",
                3, storedAt, V1_PAYLOAD, Map.of());

        EventEnvelope envelope = stored.toEnvelope("/premium-ledger/billing-service");

        assertThat(envelope.time()).isEqualTo(storedAt);
        assertThat(envelope.payload()).isEqualTo(new BillIssued("A1", "A1-2027-01", "2027-01",
                LocalDate.of(2026, 12, 23), 50_000, 30_000, 20_000, LocalDate.of(2026, 12, 2), "service"));
    }
}
