package com.premiumledger.events;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;

/**
 * CloudEvents 1.0 Kafka protocol binding, binary content mode: context attributes travel as {@code ce_*}
 * headers, the JSON payload is the record value, the account id is the record key. Extension attributes
 * carry the aggregate stream position and the correlation and causation ids.
 */
public final class CloudEventsCodec {

    public static final String SPEC_VERSION = "1.0";
    public static final String CONTENT_TYPE = "application/json";

    public static final String H_SPEC_VERSION = "ce_specversion";
    public static final String H_ID = "ce_id";
    public static final String H_TYPE = "ce_type";
    public static final String H_SOURCE = "ce_source";
    public static final String H_SUBJECT = "ce_subject";
    public static final String H_TIME = "ce_time";
    public static final String H_AGGREGATE_ID = "ce_aggregateid";
    public static final String H_SEQUENCE = "ce_sequence";
    public static final String H_CORRELATION_ID = "ce_correlationid";
    public static final String H_CAUSATION_ID = "ce_causationid";
    public static final String H_CONTENT_TYPE = "content-type";

    private CloudEventsCodec() {
    }

    public static ProducerRecord<String, byte[]> toRecord(String topic, EventEnvelope envelope) {
        return toRecord(topic, envelope, EventJson.write(envelope.payload()));
    }

    /** Encodes with a payload already serialized, as the event store keeps it. */
    public static ProducerRecord<String, byte[]> toRecord(String topic, EventEnvelope envelope, byte[] body) {
        RecordHeaders headers = new RecordHeaders();
        put(headers, H_SPEC_VERSION, SPEC_VERSION);
        put(headers, H_ID, envelope.eventId());
        put(headers, H_TYPE, envelope.type());
        put(headers, H_SOURCE, envelope.source());
        if (envelope.subject() != null) {
            put(headers, H_SUBJECT, envelope.subject());
        }
        put(headers, H_TIME, envelope.time().toString());
        put(headers, H_AGGREGATE_ID, envelope.aggregateId());
        put(headers, H_SEQUENCE, Long.toString(envelope.sequence()));
        if (envelope.correlationId() != null) {
            put(headers, H_CORRELATION_ID, envelope.correlationId());
        }
        if (envelope.causationId() != null) {
            put(headers, H_CAUSATION_ID, envelope.causationId());
        }
        put(headers, H_CONTENT_TYPE, CONTENT_TYPE);
        return new ProducerRecord<>(topic, null, envelope.key(), body, headers);
    }

    /** Decodes a record; a record that is not a well-formed event throws {@link EnvelopeException}. */
    public static EventEnvelope fromRecord(ConsumerRecord<String, byte[]> record) {
        Headers headers = record.headers();
        String specVersion = required(headers, H_SPEC_VERSION);
        if (!SPEC_VERSION.equals(specVersion)) {
            throw new EnvelopeException("unsupported CloudEvents specversion " + specVersion);
        }
        if (record.value() == null) {
            throw new EnvelopeException("record has no body");
        }
        String storedType = required(headers, H_TYPE);
        Instant time;
        try {
            time = Instant.parse(required(headers, H_TIME));
        } catch (DateTimeParseException e) {
            throw new EnvelopeException("malformed CloudEvents header: " + e.getMessage(), e);
        }
        // An old version may be upcast with the instant the event was recorded (BillIssued v1 is).
        LedgerEvent payload = EventJson.read(storedType, record.value(), time);
        try {
            return new EventEnvelope(
                    required(headers, H_ID),
                    EventJson.currentType(storedType),
                    required(headers, H_SOURCE),
                    optional(headers, H_SUBJECT),
                    time,
                    required(headers, H_AGGREGATE_ID),
                    Long.parseLong(required(headers, H_SEQUENCE)),
                    optional(headers, H_CORRELATION_ID),
                    optional(headers, H_CAUSATION_ID),
                    payload);
        } catch (DateTimeParseException | IllegalArgumentException e) {
            throw new EnvelopeException("malformed CloudEvents header: " + e.getMessage(), e);
        }
    }

    private static void put(RecordHeaders headers, String name, String value) {
        headers.add(name, value.getBytes(StandardCharsets.UTF_8));
    }

    private static String required(Headers headers, String name) {
        String value = optional(headers, name);
        if (value == null || value.isBlank()) {
            throw new EnvelopeException("missing header " + name);
        }
        return value;
    }

    private static String optional(Headers headers, String name) {
        Header header = headers.lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
