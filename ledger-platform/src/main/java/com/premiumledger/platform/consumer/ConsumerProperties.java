package com.premiumledger.platform.consumer;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Limits of event consumption.
 *
 * @param concurrency consumer threads per handler (at most the partition count is useful)
 * @param retryAttempts attempts at one record before it goes to the dead-letter topic
 * @param retryBackoff first wait between attempts, doubled each time
 * @param processingGroupsMax processing groups (Kafka consumer groups) a service may run; each one polls,
 *     decodes and commits on its own, so every group more costs every event of its topics one more delivery
 * @param replayOnly run only the pure projections ({@link EventStreamHandler#replayable()}):
 *     a copy of a service that builds its views from the topics into its own database and decides, sends and
 *     publishes nothing (a fresh start to compare with, and the rebuild benchmark)
 * @param partitions partitions of each topic a service creates
 * @param replicationFactor replicas of each topic (1 for the embedded broker)
 */
@Validated
@ConfigurationProperties("premium.consumer")
public record ConsumerProperties(
        @Min(1) @DefaultValue("1") int concurrency,
        @Min(1) @DefaultValue("4") int retryAttempts,
        @NotNull @DefaultValue("200ms") Duration retryBackoff,
        @Min(1) @DefaultValue("2") int processingGroupsMax,
        @DefaultValue("false") boolean replayOnly,
        @Min(1) @DefaultValue("4") int partitions,
        @Min(1) @DefaultValue("1") short replicationFactor) {
}
