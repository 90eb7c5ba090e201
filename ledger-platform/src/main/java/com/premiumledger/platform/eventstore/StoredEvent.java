package com.premiumledger.platform.eventstore;

import com.premiumledger.events.CloudEventsCodec;
import com.premiumledger.events.EventEnvelope;
import com.premiumledger.events.EventJson;
import com.premiumledger.events.LedgerEvent;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import com.premiumledger.events.EventTypes;
import com.premiumledger.events.PartitionBroadcast;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;

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

    /** Whether this event goes to every partition of its topic ({@link PartitionBroadcast}). */
    public boolean broadcast() {
        return EventTypes.classOf(type).map(PartitionBroadcast.class::isAssignableFrom).orElse(false);
    }

    /**
     * The records to send: one, to its key's partition, or for a broadcast event one per partition of a topic
     * with {@code partitions} partitions, each with its own copy of the headers.
     */
    public List<ProducerRecord<String, byte[]>> toRecords(String topic, String source, int partitions) {
        ProducerRecord<String, byte[]> record = toRecord(topic, source);
        if (!broadcast()) {
            return List.of(record);
        }
        if (partitions < 1) {
            throw new IllegalArgumentException(topic + " has no partitions to broadcast " + type + " to");
        }
        List<ProducerRecord<String, byte[]>> copies = new ArrayList<>(partitions);
        for (int partition = 0; partition < partitions; partition++) {
            copies.add(new ProducerRecord<>(topic, partition, record.key(), record.value(),
                    new RecordHeaders(record.headers().toArray())));
        }
        return copies;
    }

    public ProducerRecord<String, byte[]> toRecord(String topic, String source) {
        return CloudEventsCodec.toRecord(topic, toEnvelope(source), payloadJson.getBytes(StandardCharsets.UTF_8));
    }
}
