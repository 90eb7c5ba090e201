package com.premiumledger.events;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;

/**
 * Turns a stored or published payload of an old type version into the next version. Registered in
 * {@link EventJson}; applied on read, so old records on the log never need rewriting.
 */
public interface EventUpcaster {

    String fromType();

    String toType();

    ObjectNode upcast(ObjectNode oldPayload);

    /**
     * Upcasts knowing when the event was recorded (the stored event's timestamp, which is its CloudEvents
     * {@code ce_time}); {@code recordedAt} is null when the reader does not know it. An upcaster that derives a
     * field from that instant overrides this; the rest ignore it.
     */
    default ObjectNode upcast(ObjectNode oldPayload, Instant recordedAt) {
        return upcast(oldPayload);
    }

    /**
     * Copies {@code fromField} of an old payload into {@code toField} of the next one, only when it is there,
     * so that a payload missing a field is still refused when it binds to the record.
     */
    static void copy(ObjectNode from, String fromField, ObjectNode to, String toField) {
        if (from.has(fromField)) {
            to.set(toField, from.get(fromField));
        }
    }

    /** {@link #copy(ObjectNode, String, ObjectNode, String)} under the same name. */
    static void copy(ObjectNode from, String field, ObjectNode to) {
        copy(from, field, to, field);
    }
}
