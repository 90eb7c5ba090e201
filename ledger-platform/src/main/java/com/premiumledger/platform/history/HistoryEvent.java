package com.premiumledger.platform.history;

import com.fasterxml.jackson.databind.JsonNode;
import com.premiumledger.events.EventTypes;
import com.premiumledger.platform.eventstore.StoredEvent;
import java.time.Instant;

/**
 * One stored event as a history lists it: its position in the aggregate's stream, when it was recorded, who
 * issued the command behind it, a one-line summary and the stored payload itself (the exact body that went
 * out on Kafka).
 *
 * @param type the CloudEvents type with version, e.g. {@code com.premiumledger.billing.BillIssued.v1}
 * @param name the event's simple name, e.g. {@code BillIssued}
 */
public record HistoryEvent(long sequence, String eventId, String type, String name, Instant recordedAt,
                           String issuedBy, String summary, JsonNode payload) {

    static HistoryEvent of(StoredEvent event, JsonNode payload, int summaryLengthMax) {
        return new HistoryEvent(event.sequence(), event.eventId(), event.type(), EventTypes.simpleName(event.type()),
                event.timestamp(), event.metadata().get(StoredEvent.META_ISSUED_BY),
                EventSummary.of(payload, summaryLengthMax), payload);
    }
}
