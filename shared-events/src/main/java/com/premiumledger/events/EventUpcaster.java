package com.premiumledger.events;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Turns a stored or published payload of an old type version into the next version. Registered in
 * {@link EventJson}; applied on read, so old records on the log never need rewriting.
 */
public interface EventUpcaster {

    String fromType();

    String toType();

    ObjectNode upcast(ObjectNode oldPayload);
}
