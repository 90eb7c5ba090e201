package com.premiumledger.events;

import java.time.Instant;
import java.util.Objects;

/**
 * One event as it travels: the CloudEvents context attributes plus the aggregate stream position
 * ({@code aggregateId}, {@code sequence}) that consumers use to apply each event exactly once, in order.
 */
public record EventEnvelope(
        String eventId,
        String type,
        String source,
        String subject,
        Instant time,
        String aggregateId,
        long sequence,
        String correlationId,
        String causationId,
        LedgerEvent payload) {

    public EventEnvelope {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(aggregateId, "aggregateId");
        Objects.requireNonNull(payload, "payload");
        if (sequence < 0) {
            throw new IllegalArgumentException("sequence is never negative: " + sequence);
        }
    }

    /** The Kafka key: the account for account events, the calendar for days. */
    public String key() {
        return payload.streamKey();
    }

    @SuppressWarnings("unchecked")
    public <T extends LedgerEvent> T payloadAs(Class<T> eventClass) {
        return (T) payload;
    }
}
