package com.premiumledger.platform.history;

import com.fasterxml.jackson.databind.JsonNode;
import com.premiumledger.events.EventTypes;
import com.premiumledger.platform.eventstore.StoredEvent;
import java.time.Instant;
import java.util.Iterator;
import java.util.Map;

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
                summary(payload, summaryLengthMax), payload);
    }

    /**
     * A one-line summary of an event payload, made from the payload alone so it fits every event type without a
     * second copy of any rule: {@code field=value} for each non-null scalar (the account id left out, the stream
     * says it), {@code field=[n]} for a list, {@code field={..}} for an object, cut at a limit.
     */
    static String summary(JsonNode payload, int lengthMax) {
        StringBuilder summary = new StringBuilder();
        Iterator<Map.Entry<String, JsonNode>> fields = payload.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            JsonNode value = field.getValue();
            if (field.getKey().equals("accountId") || value.isNull()) {
                continue;
            }
            if (!summary.isEmpty()) {
                summary.append(", ");
            }
            summary.append(field.getKey()).append('=');
            if (value.isArray()) {
                summary.append('[').append(value.size()).append(']');
            } else if (value.isObject()) {
                summary.append("{..}");
            } else {
                summary.append(value.asText());
            }
        }
        return summary.length() <= lengthMax ? summary.toString() : summary.substring(0, lengthMax - 3) + "...";
    }
}
