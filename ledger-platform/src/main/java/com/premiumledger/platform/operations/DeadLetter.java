package com.premiumledger.platform.operations;

import java.time.Instant;

/**
 * A record a consumer of this service gave up on, as found on a dead-letter topic. {@code id} is
 * {@code <dead-letter topic>:<partition>:<offset>}, stable for retries.
 */
public record DeadLetter(
        String id,
        String originalTopic,
        Integer originalPartition,
        Long originalOffset,
        String consumerGroup,
        String key,
        String eventId,
        String eventType,
        String exceptionClass,
        String exceptionMessage,
        Instant deadLetteredAt,
        Instant retriedAt) {
}
