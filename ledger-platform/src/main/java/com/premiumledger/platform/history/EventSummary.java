package com.premiumledger.platform.history;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.Map;

/**
 * A one-line summary of an event payload, made from the payload alone so it fits every event type without a
 * second copy of any rule: {@code field=value} for each non-null scalar (the account id left out, the stream
 * says it), {@code field=[n]} for a list, {@code field={..}} for an object, cut at a limit.
 */
final class EventSummary {

    private EventSummary() {
    }

    static String of(JsonNode payload, int lengthMax) {
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
