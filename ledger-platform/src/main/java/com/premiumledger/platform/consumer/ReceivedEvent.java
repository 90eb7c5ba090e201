package com.premiumledger.platform.consumer;

import com.premiumledger.events.EventEnvelope;
import com.premiumledger.events.LedgerEvent;

/** An event as a consumer received it, with the Kafka position that auditors trace figures back to. */
public record ReceivedEvent(EventEnvelope envelope, String topic, int partition, long offset) {

    public LedgerEvent payload() {
        return envelope.payload();
    }

    public String eventId() {
        return envelope.eventId();
    }

    public long sequence() {
        return envelope.sequence();
    }

    public String aggregateId() {
        return envelope.aggregateId();
    }
}
