package com.premiumledger.platform.idempotency;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;

/**
 * SHA-256 of the request as bound (so whitespace and field order do not matter) plus the caller and the
 * resource it targets, so the same key sent by another caller, for another resource (payment, account), or with
 * another body, is a reuse and not a retry.
 */
public final class RequestHash {

    private static final ObjectMapper CANONICAL = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .enable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .build();

    private RequestHash() {
    }

    /**
     * {@code target} is the resource a request acts on (a payment, an account), or null when the path names none
     * (POST /payments, whose hashes stay as they were).
     */
    public static String of(Object request, String caller, String target) {
        Map<String, Object> hashed = target == null ? Map.of("caller", caller, "request", request)
                : Map.of("caller", caller, "request", request, "target", target);
        try {
            byte[] canonical = CANONICAL.writeValueAsBytes(hashed);
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(canonical));
        } catch (JsonProcessingException | NoSuchAlgorithmException e) {
            throw new IllegalStateException("cannot hash a request", e);
        }
    }
}
