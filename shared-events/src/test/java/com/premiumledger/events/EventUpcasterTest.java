package com.premiumledger.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Versioning: a payload of an old type version is upcast on read, so old records on the log never need
 * rewriting. BillIssued.v0 is made up for this test: it had no amountDueCents and no issuedBy, and called
 * the premium "premiumCents" and the month "month". Its chain runs on through the real v1 to v2 step, which
 * dates the bill by the UTC date of the instant it was recorded.
 */
class EventUpcasterTest {

    static final String V0 = "com.premiumledger.billing.BillIssued.v0";
    static final String V1 = "com.premiumledger.billing.BillIssued.v1";
    static final String V2 = "com.premiumledger.billing.BillIssued.v2";
    static final Instant RECORDED_AT = Instant.parse("2026-12-01T00:00:00Z");

    /** The made-up v0 to v1 step: rename two fields, derive the amount due, say who issued it. */
    static final class BillIssuedV0ToV1 implements EventUpcaster {

        @Override
        public String fromType() {
            return V0;
        }

        @Override
        public String toType() {
            return V1;
        }

        @Override
        public ObjectNode upcast(ObjectNode old) {
            ObjectNode next = old.deepCopy();
            next.set("coverageMonth", next.remove("month"));
            next.set("grossPremiumCents", next.remove("premiumCents"));
            next.put("amountDueCents", next.get("grossPremiumCents").asLong() - next.get("subsidyCents").asLong());
            next.put("issuedBy", "upcast-from-v0");
            return next;
        }
    }

    private static final String V0_PAYLOAD = """
            {"accountId":"A000000001","billId":"A000000001-2027-01","month":"2027-01","dueDate":"2026-12-23",
             "premiumCents":50000,"subsidyCents":30000}
            """;

    private static final BillIssued EXPECTED = new BillIssued("A000000001", "A000000001-2027-01", "2027-01",
            LocalDate.of(2026, 12, 23), 50_000, 30_000, 20_000, LocalDate.of(2026, 12, 1), "upcast-from-v0");

    @BeforeAll
    static void register() {
        EventJson.registerUpcaster(new BillIssuedV0ToV1());
    }

    @Test
    void readsAV0PayloadAsAV2BillIssued() {
        LedgerEvent event = EventJson.read(V0, V0_PAYLOAD.getBytes(StandardCharsets.UTF_8), RECORDED_AT);

        assertThat(event).isInstanceOf(BillIssued.class).isEqualTo(EXPECTED);
        assertThat(EventJson.currentType(V0)).isEqualTo(V2);
        assertThat(EventJson.currentType(V1)).isEqualTo(V2);
        assertThat(EventJson.currentType(V2)).isEqualTo(V2);
        assertThat(EventJson.registeredUpcasterTypes()).contains(V0, V1);
        // The upcast payload is a valid v2 payload.
        assertThat(Schemas.validate(V2, Schemas.json(event))).isEmpty();
    }

    @Test
    void aV0RecordOnTheLogDecodesToAV2EnvelopeDatedByItsCeTime() {
        RecordHeaders headers = new RecordHeaders();
        headers.add("ce_specversion", "1.0".getBytes(StandardCharsets.UTF_8));
        headers.add("ce_id", "evt-old".getBytes(StandardCharsets.UTF_8));
        headers.add("ce_type", V0.getBytes(StandardCharsets.UTF_8));
        headers.add("ce_source", "/premium-ledger/billing-service".getBytes(StandardCharsets.UTF_8));
        headers.add("ce_subject", "A000000001".getBytes(StandardCharsets.UTF_8));
        headers.add("ce_time", "2026-12-01T00:00:00Z".getBytes(StandardCharsets.UTF_8));
        headers.add("ce_aggregateid", "A000000001".getBytes(StandardCharsets.UTF_8));
        headers.add("ce_sequence", "1".getBytes(StandardCharsets.UTF_8));
        ConsumerRecord<String, byte[]> record = new ConsumerRecord<>(Topics.BILLING, 0, 0L, 0L,
                TimestampType.CREATE_TIME, -1, -1, "A000000001", V0_PAYLOAD.getBytes(StandardCharsets.UTF_8),
                headers, Optional.empty());

        EventEnvelope envelope = CloudEventsCodec.fromRecord(record);

        assertThat(envelope.type()).isEqualTo(V2);
        assertThat(envelope.payload()).isEqualTo(EXPECTED);
        assertThat(envelope.time()).isEqualTo(Instant.parse("2026-12-01T00:00:00Z"));
    }

    @Test
    void aTypeWithoutAnUpcasterIsStillUnknown() {
        assertThatThrownBy(() -> EventJson.read("com.premiumledger.billing.BillIssued.v-1",
                V0_PAYLOAD.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(EnvelopeException.class).hasMessageContaining("unknown event type");
    }

    @Test
    void aLoopOfUpcastersFailsInsteadOfSpinning() {
        EventJson.registerUpcaster(new Loop("test.loop.Ping.v1", "test.loop.Pong.v1"));
        EventJson.registerUpcaster(new Loop("test.loop.Pong.v1", "test.loop.Ping.v1"));

        assertThatThrownBy(() -> EventJson.read("test.loop.Ping.v1", "{}".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(EnvelopeException.class).hasMessageContaining("unknown event type");
    }

    private record Loop(String fromType, String toType) implements EventUpcaster {
        @Override
        public ObjectNode upcast(ObjectNode oldPayload) {
            return oldPayload;
        }
    }
}
