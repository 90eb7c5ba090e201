package com.premiumledger.payment.payment;

import java.time.Instant;

/**
 * What one Idempotency-Key was used for. The command is kept whole while IN_PROGRESS, so that a retry
 * re-sends exactly the same command (same payment id, same received date) whatever changed since.
 */
record IdempotencyRecord(
        String key,
        String requestHash,
        String paymentId,
        State state,
        RecordPaymentCommand command,
        Integer responseStatus,
        String responseBody,
        Instant createdAt,
        Instant expiresAt) {

    enum State { IN_PROGRESS, COMPLETED }

    static IdempotencyRecord start(String key, String requestHash, RecordPaymentCommand command, Instant now,
                                   Instant expiresAt) {
        return new IdempotencyRecord(key, requestHash, command.paymentId(), State.IN_PROGRESS, command, null, null,
                now, expiresAt);
    }

    boolean expiredAt(Instant now) {
        return !expiresAt.isAfter(now);
    }
}
