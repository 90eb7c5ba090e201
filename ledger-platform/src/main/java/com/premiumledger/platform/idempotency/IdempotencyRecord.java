package com.premiumledger.platform.idempotency;

import java.time.Instant;

/**
 * What one Idempotency-Key was used for on one endpoint ({@code scope}). The command is kept whole (as JSON)
 * while IN_PROGRESS, so that a retry re-sends exactly the same command (same ids, same dates) whatever changed
 * since. {@code claimId} is new per claim and guards every later write of the claimant.
 */
record IdempotencyRecord(
        String scope,
        String key,
        String requestHash,
        String claimId,
        State state,
        String command,
        Integer responseStatus,
        String responseBody,
        Instant createdAt,
        Instant expiresAt) {

    enum State { IN_PROGRESS, COMPLETED }

    static IdempotencyRecord start(String scope, String key, String requestHash, String claimId, String command,
                                   Instant now, Instant expiresAt) {
        return new IdempotencyRecord(scope, key, requestHash, claimId, State.IN_PROGRESS, command, null, null, now,
                expiresAt);
    }

    boolean expiredAt(Instant now) {
        return !expiresAt.isAfter(now);
    }
}
