package com.premiumledger.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The CloudEvents Kafka binary-mode envelope: what goes out comes back equal, and junk is refused. */
class CloudEventsCodecTest {

    private static final String SOURCE = "/premium-ledger/billing-service";
    private static final Instant TIME = Instant.parse("2027-01-24T09:15:30.123456Z");

    static Stream<String> types() {
        return Samples.types().stream();
    }

    private static EventEnvelope envelope(LedgerEvent payload, long sequence) {
        return new EventEnvelope("evt-" + sequence, EventTypes.typeOf(payload.getClass()), SOURCE,
                payload.streamKey(), TIME, "agg-" + payload.streamKey(), sequence, "corr-1", "cause-" + sequence,
                payload);
    }

    /** What a consumer receives for a produced record. */
    private static ConsumerRecord<String, byte[]> received(ProducerRecord<String, byte[]> sent) {
        RecordHeaders headers = new RecordHeaders();
        for (Header header : sent.headers()) {
            headers.add(header.key(), header.value());
        }
        return new ConsumerRecord<>(sent.topic(), 0, 42L, TIME.toEpochMilli(), TimestampType.CREATE_TIME,
                sent.key() == null ? -1 : sent.key().length(), sent.value() == null ? -1 : sent.value().length,
                sent.key(), sent.value(), headers, Optional.empty());
    }

    private static String header(ProducerRecord<String, byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    @ParameterizedTest
    @MethodSource("types")
    void roundTripsEveryType(String type) {
        long sequence = 0;
        for (LedgerEvent payload : Samples.of(type)) {
            EventEnvelope sent = envelope(payload, sequence++);
            ProducerRecord<String, byte[]> record = CloudEventsCodec.toRecord(Samples.topicOf(type), sent);

            assertThat(record.topic()).isEqualTo(Samples.topicOf(type));
            assertThat(record.key()).isEqualTo(payload.streamKey());
            assertThat(record.partition()).isNull();
            assertThat(record.value()).isEqualTo(EventJson.write(payload));

            EventEnvelope back = CloudEventsCodec.fromRecord(received(record));
            assertThat(back).isEqualTo(sent);
            assertThat(back.payload()).isInstanceOf(EventTypes.classOf(type).orElseThrow());
        }
    }

    @ParameterizedTest
    @MethodSource("types")
    void writesEveryCloudEventsHeader(String type) {
        LedgerEvent payload = Samples.of(type).get(0);
        EventEnvelope sent = envelope(payload, 7);
        ProducerRecord<String, byte[]> record = CloudEventsCodec.toRecord(Samples.topicOf(type), sent);

        assertThat(header(record, "ce_specversion")).isEqualTo("1.0");
        assertThat(header(record, "ce_id")).isEqualTo("evt-7");
        assertThat(header(record, "ce_type")).isEqualTo(type);
        assertThat(header(record, "ce_source")).isEqualTo(SOURCE);
        assertThat(header(record, "ce_subject")).isEqualTo(payload.streamKey());
        assertThat(header(record, "ce_time")).isEqualTo("2027-01-24T09:15:30.123456Z");
        assertThat(header(record, "ce_aggregateid")).isEqualTo("agg-" + payload.streamKey());
        assertThat(header(record, "ce_sequence")).isEqualTo("7");
        assertThat(header(record, "ce_correlationid")).isEqualTo("corr-1");
        assertThat(header(record, "ce_causationid")).isEqualTo("cause-7");
        assertThat(header(record, "content-type")).isEqualTo("application/json");
        List<String> names = new ArrayList<>();
        record.headers().forEach(header -> names.add(header.key()));
        assertThat(names).doesNotHaveDuplicates().hasSize(11);
    }

    @Test
    void optionalAttributesAreLeftOutAndComeBackNull() {
        LedgerEvent payload = Samples.of(EventTypes.typeOf(DayClosed.class)).get(0);
        EventEnvelope sent = new EventEnvelope("evt-1", EventTypes.typeOf(DayClosed.class), SOURCE, null, TIME,
                DayClosed.STREAM_KEY, 3, null, null, payload);
        ProducerRecord<String, byte[]> record = CloudEventsCodec.toRecord(Topics.BILLING, sent);

        assertThat(record.key()).isEqualTo(DayClosed.STREAM_KEY);
        assertThat(record.headers().lastHeader("ce_subject")).isNull();
        assertThat(record.headers().lastHeader("ce_correlationid")).isNull();
        assertThat(record.headers().lastHeader("ce_causationid")).isNull();
        assertThat(CloudEventsCodec.fromRecord(received(record))).isEqualTo(sent);
    }

    @Test
    void encodesAPayloadAlreadySerializedAsIs() {
        LedgerEvent payload = Samples.of(EventTypes.typeOf(BillIssued.class)).get(0);
        byte[] stored = EventJson.write(payload);
        ProducerRecord<String, byte[]> record = CloudEventsCodec.toRecord(Topics.BILLING, envelope(payload, 1),
                stored);
        assertThat(record.value()).isSameAs(stored);
        assertThat(CloudEventsCodec.fromRecord(received(record)).payload()).isEqualTo(payload);
    }

    private static ConsumerRecord<String, byte[]> altered(Consumer<RecordHeaders> headerChange, byte[] body) {
        LedgerEvent payload = Samples.of(EventTypes.typeOf(BillIssued.class)).get(0);
        ConsumerRecord<String, byte[]> good = received(CloudEventsCodec.toRecord(Topics.BILLING,
                envelope(payload, 1)));
        RecordHeaders headers = new RecordHeaders();
        good.headers().forEach(header -> headers.add(header.key(), header.value()));
        headerChange.accept(headers);
        return new ConsumerRecord<>(good.topic(), 0, 43L, good.timestamp(), TimestampType.CREATE_TIME, -1, -1,
                good.key(), body, headers, Optional.empty());
    }

    private static ConsumerRecord<String, byte[]> withHeaders(Consumer<RecordHeaders> headerChange) {
        LedgerEvent payload = Samples.of(EventTypes.typeOf(BillIssued.class)).get(0);
        return altered(headerChange, EventJson.write(payload));
    }

    private static ConsumerRecord<String, byte[]> withBody(String body) {
        return altered(headers -> { }, body == null ? null : body.getBytes(StandardCharsets.UTF_8));
    }

    private static Consumer<RecordHeaders> set(String name, String value) {
        return headers -> {
            headers.remove(name);
            headers.add(name, value.getBytes(StandardCharsets.UTF_8));
        };
    }

    @Test
    void theUnalteredRecordDecodes() {
        assertThat(CloudEventsCodec.fromRecord(withHeaders(headers -> { })).eventId()).isEqualTo("evt-1");
    }

    @Test
    void refusesARecordMissingCeId() {
        assertThatThrownBy(() -> CloudEventsCodec.fromRecord(withHeaders(headers -> headers.remove("ce_id"))))
                .isInstanceOf(EnvelopeException.class).hasMessageContaining("ce_id");
        assertThatThrownBy(() -> CloudEventsCodec.fromRecord(withHeaders(set("ce_id", " "))))
                .isInstanceOf(EnvelopeException.class).hasMessageContaining("ce_id");
    }

    @Test
    void refusesAnUnknownCeType() {
        assertThatThrownBy(() -> CloudEventsCodec.fromRecord(withHeaders(
                set("ce_type", "com.premiumledger.billing.BillIssued.v9"))))
                .isInstanceOf(EnvelopeException.class).hasMessageContaining("unknown event type");
        assertThatThrownBy(() -> CloudEventsCodec.fromRecord(withHeaders(headers -> headers.remove("ce_type"))))
                .isInstanceOf(EnvelopeException.class).hasMessageContaining("ce_type");
    }

    @Test
    void refusesABadBody() {
        for (String body : List.of("{not json", "", "[]", "null", "42", "{\"accountId\": {\"nested\": 1}}",
                "{\"accountId\":\"A1\",\"dueDate\":\"23/12/2026\"}",
                "{\"accountId\":\"A1\",\"grossPremiumCents\":\"lots\"}")) {
            assertThatThrownBy(() -> CloudEventsCodec.fromRecord(withBody(body))).as(body)
                    .isInstanceOf(EnvelopeException.class);
        }
        assertThatThrownBy(() -> CloudEventsCodec.fromRecord(withBody(null)))
                .isInstanceOf(EnvelopeException.class).hasMessageContaining("no body");
    }

    @Test
    void refusesOtherMalformedHeaders() {
        assertThatThrownBy(() -> CloudEventsCodec.fromRecord(withHeaders(h -> h.remove("ce_specversion"))))
                .isInstanceOf(EnvelopeException.class);
        assertThatThrownBy(() -> CloudEventsCodec.fromRecord(withHeaders(set("ce_specversion", "0.3"))))
                .isInstanceOf(EnvelopeException.class).hasMessageContaining("specversion");
        assertThatThrownBy(() -> CloudEventsCodec.fromRecord(withHeaders(h -> h.remove("ce_source"))))
                .isInstanceOf(EnvelopeException.class).hasMessageContaining("ce_source");
        assertThatThrownBy(() -> CloudEventsCodec.fromRecord(withHeaders(set("ce_time", "yesterday"))))
                .isInstanceOf(EnvelopeException.class).hasMessageContaining("malformed");
        assertThatThrownBy(() -> CloudEventsCodec.fromRecord(withHeaders(set("ce_sequence", "seven"))))
                .isInstanceOf(EnvelopeException.class).hasMessageContaining("malformed");
        assertThatThrownBy(() -> CloudEventsCodec.fromRecord(withHeaders(set("ce_sequence", "-1"))))
                .isInstanceOf(EnvelopeException.class).hasMessageContaining("malformed");
        assertThatThrownBy(() -> CloudEventsCodec.fromRecord(withHeaders(h -> h.remove("ce_aggregateid"))))
                .isInstanceOf(EnvelopeException.class).hasMessageContaining("ce_aggregateid");
    }
}
