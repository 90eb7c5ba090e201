package com.premiumledger.platform.outbox;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Where a service publishes its stored events, and how the sweeper recovers those a crash left
 * unpublished.
 *
 * @param topic the service's own topic
 * @param source the CloudEvents {@code ce_source} of its events
 * @param sweepInterval how often the sweeper looks for unpublished commits
 * @param sweepMinAge a marker younger than this is still in the hands of its writer
 * @param abandonAfter a marker whose commit is missing after this long belongs to a writer that died
 *     before storing; it is removed (the command was never accepted)
 * @param sweepBatchMax markers handled per sweep
 * @param sendTimeout how long the sweeper waits for Kafka to acknowledge one commit
 * @param predecessorWait how long a writer waits for Kafka to acknowledge its aggregate's previous commit before
 *     it publishes that commit itself (commit N+1 is stored only after N was acknowledged)
 * @param releaseLinger how long the outbox gathers acknowledged commits to remove their markers in one bulk write
 */
@Validated
@ConfigurationProperties("premium.outbox")
public record OutboxProperties(
        @NotBlank String topic,
        @NotBlank String source,
        @NotNull @DefaultValue("2s") Duration sweepInterval,
        @NotNull @DefaultValue("10s") Duration sweepMinAge,
        @NotNull @DefaultValue("5m") Duration abandonAfter,
        @Min(1) @DefaultValue("500") int sweepBatchMax,
        @NotNull @DefaultValue("30s") Duration sendTimeout,
        @NotNull @DefaultValue("2s") Duration predecessorWait,
        @NotNull @DefaultValue("20ms") Duration releaseLinger) {
}
