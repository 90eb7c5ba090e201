package com.premiumledger.platform.idempotency;

import com.premiumledger.platform.web.ApiProblem;
import java.net.URI;
import java.util.regex.Pattern;
import org.springframework.http.ResponseEntity;

/** The HTTP side of idempotent requests: the request header, its syntax, and the replay header on answers. */
public final class IdempotencyHeaders {

    public static final String IDEMPOTENCY_KEY = "Idempotency-Key";
    /** Set to {@code true} on an answer that repeats an earlier one. */
    public static final String REPLAYED = "Idempotent-Replayed";
    /** For OpenAPI descriptions of endpoints that take the key. */
    public static final String RULES = " Idempotency-Key header (1 to 255 visible ASCII characters), kept at least"
            + " 30 days per endpoint: the same key and body again answer the first response with Idempotent-Replayed:"
            + " true and change nothing more; the same key with another body is a 409 (idempotency-key-reuse).";

    /** Visible ASCII only, so a key is safe as a document id, in logs and in headers. */
    private static final Pattern KEY = Pattern.compile("[\\x21-\\x7E]{1,255}");

    private IdempotencyHeaders() {
    }

    public static boolean isWellFormed(String idempotencyKey) {
        return idempotencyKey != null && KEY.matcher(idempotencyKey).matches();
    }

    /** A key that is missing or malformed: 400 {@code idempotency-key-required}, nothing written. */
    public static void check(String idempotencyKey) {
        if (!isWellFormed(idempotencyKey)) {
            throw ApiProblem.badRequest("idempotency-key-required", "send an " + IDEMPOTENCY_KEY
                    + " header of 1 to 255 visible ASCII characters, unique per request");
        }
    }

    /** The outcome as a response: its status and body, the location if any, and the replay header. */
    public static <R> ResponseEntity<R> answer(IdempotentRequests.Outcome<R> outcome, URI location) {
        ResponseEntity.BodyBuilder answer = ResponseEntity.status(outcome.status());
        if (location != null) {
            answer.location(location);
        }
        if (outcome.replayed()) {
            answer.header(REPLAYED, "true");
        }
        return answer.body(outcome.response());
    }
}
