package com.premiumledger.platform.metrics;

import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How the platform's computed gauges are kept current.
 *
 * @param refreshInterval how often consumer lag (and a service's own computed gauges) are measured again
 * @param lagTimeout how long one lag measurement may wait for the broker before it is skipped
 */
@Validated
@ConfigurationProperties("premium.metrics")
public record MetricsProperties(
        @NotNull @DefaultValue("5s") Duration refreshInterval,
        @NotNull @DefaultValue("5s") Duration lagTimeout) {

    public MetricsProperties {
        if (refreshInterval.isNegative() || refreshInterval.isZero() || lagTimeout.isNegative()
                || lagTimeout.isZero()) {
            throw new IllegalArgumentException("premium.metrics intervals must be positive");
        }
    }
}
