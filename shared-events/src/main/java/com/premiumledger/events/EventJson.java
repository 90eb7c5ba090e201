package com.premiumledger.events;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The one JSON form of event payloads, shared by the event store and Kafka, so that what is stored is
 * byte for byte what is published. Reading runs the upcaster chain before binding to a record.
 */
public final class EventJson {

    /** Upcasters never loop forever: a chain longer than this is a registration bug. */
    private static final int UPCAST_CHAIN_MAX = 16;

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            // Consumers must tolerate fields added in a compatible minor change...
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            // ...but never read a missing field as 0 or null: an old shape goes through an upcaster.
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_MISSING_CREATOR_PROPERTIES)
            .build();

    private static final Map<String, EventUpcaster> UPCASTERS = new HashMap<>();

    static {
        // Registered here, not by a consumer, so every reader of the log upcasts old records the same way.
        registerUpcaster(new CoverageStatusChangedV1ToV2());
        registerUpcaster(new AccountOpenedV1ToV2());
        registerUpcaster(new BillIssuedV1ToV2());
    }

    private EventJson() {
    }

    public static ObjectMapper mapper() {
        return MAPPER;
    }

    public static synchronized void registerUpcaster(EventUpcaster upcaster) {
        UPCASTERS.put(upcaster.fromType(), upcaster);
    }

    public static byte[] write(LedgerEvent event) {
        try {
            return MAPPER.writeValueAsBytes(event);
        } catch (JsonProcessingException e) {
            throw new EnvelopeException("cannot serialize " + event.getClass().getSimpleName(), e);
        }
    }

    /**
     * Reads a payload of {@code type}, upcasting it to the current version first, without knowing when it was
     * recorded: an old version whose upcaster needs that instant (BillIssued v1) is refused. Readers that hold
     * the stored event or its envelope use {@link #read(String, byte[], Instant)}.
     */
    public static LedgerEvent read(String type, byte[] json) {
        return read(type, json, null);
    }

    /**
     * Reads a payload of {@code type} recorded at {@code recordedAt} (the stored event's timestamp, its
     * {@code ce_time}; null if unknown), upcasting it to the current version first.
     */
    public static LedgerEvent read(String type, byte[] json, Instant recordedAt) {
        try {
            ObjectNode node = (ObjectNode) MAPPER.readTree(json);
            String currentType = type;
            for (int step = 0; EventTypes.classOf(currentType).isEmpty(); step++) {
                EventUpcaster upcaster = UPCASTERS.get(currentType);
                if (upcaster == null || step >= UPCAST_CHAIN_MAX) {
                    throw new EnvelopeException("unknown event type " + type);
                }
                node = upcaster.upcast(node, recordedAt);
                currentType = upcaster.toType();
            }
            return MAPPER.treeToValue(node, EventTypes.classOf(currentType).orElseThrow());
        } catch (IOException | ClassCastException e) {
            throw new EnvelopeException("cannot read " + type + " payload: " + e.getMessage(), e);
        }
    }

    /** The current type name a stored type resolves to after upcasting. */
    public static String currentType(String type) {
        String currentType = type;
        for (int step = 0; EventTypes.classOf(currentType).isEmpty() && step < UPCAST_CHAIN_MAX; step++) {
            EventUpcaster upcaster = UPCASTERS.get(currentType);
            if (upcaster == null) {
                break;
            }
            currentType = upcaster.toType();
        }
        return currentType;
    }

    static List<String> registeredUpcasterTypes() {
        return List.copyOf(UPCASTERS.keySet());
    }
}
