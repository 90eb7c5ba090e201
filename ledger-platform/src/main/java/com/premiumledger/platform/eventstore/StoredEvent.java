package com.premiumledger.platform.eventstore;

import com.premiumledger.events.CloudEventsCodec;
import com.premiumledger.events.EventEnvelope;
import com.premiumledger.events.EventJson;
import com.premiumledger.events.LedgerEvent;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * One event as stored: its payload is the exact JSON that goes out on Kafka, so the log and the store
 * can be compared byte for byte.
 */
public record StoredEvent(
        String eventId,
        String type,
        String aggregateType,
        String aggregateId,
        long sequence,
        Instant timestamp,
        String payloadJson,
        Map<String, String> metadata) {

    public static final String META_TRACE_ID = "traceId";
    public static final String META_CORRELATION_ID = "correlationId";
    public static final String META_ISSUED_BY = "issuedBy";

    public StoredEvent {
        metadata = Map.copyOf(metadata);
    }

    /** Axon's traceId is the root message, its correlationId the direct cause. */
    public EventEnvelope toEnvelope(String source) {
        LedgerEvent payload = EventJson.read(type, payloadJson.getBytes(StandardCharsets.UTF_8), timestamp);
        return new EventEnvelope(
                eventId,
                type,
                source,
                payload.streamKey(),
                timestamp,
                aggregateId,
                sequence,
                metadata.get(META_TRACE_ID),
                metadata.get(META_CORRELATION_ID),
                payload);
    }

    public ProducerRecord<String, byte[]> toRecord(String topic, String source) {
        return CloudEventsCodec.toRecord(topic, toEnvelope(source), payloadJson.getBytes(StandardCharsets.UTF_8));
    }
}
