package com.premiumledger.platform.rebuild;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Limits of projection rebuilds.
 *
 * @param concurrentMax rebuilds of this service's projections that may run at once (each reads every
 *     topic it needs from offset zero, beside the live consumers)
 * @param progressSampleInterval how often a running rebuild's progress is measured (end offsets against the
 *     rebuild group's positions) and whether it caught up is checked
 * @param switchRemainingMax events still to read at which a rebuild counts as caught up and the switch starts
 * @param switchTimeout how long the switch may wait, with the live consumer stopped, for the fresh copy to
 *     reach the live copy's positions before the rebuild fails and the live consumer resumes
 * @param adminTimeout how long one offsets request to the broker may take
 * @param paceWindow how far back the events/s figure (and the time left) looks: the rebuild's consumer commits
 *     once per poll (up to 500 records), so its progress moves in steps, and a pace taken over one sample
 *     interval would read 0 between steps; over a window spanning several steps it reads the real pace
 */
@Validated
@ConfigurationProperties("premium.rebuild")
public record RebuildProperties(
        @Min(1) @DefaultValue("1") int concurrentMax,
        @NotNull @DefaultValue("1s") Duration progressSampleInterval,
        @Min(0) @DefaultValue("100") long switchRemainingMax,
        @NotNull @DefaultValue("60s") Duration switchTimeout,
        @NotNull @DefaultValue("10s") Duration adminTimeout,
        @NotNull @DefaultValue("20s") Duration paceWindow) {

    public RebuildProperties {
        for (Duration duration : new Duration[] {progressSampleInterval, switchTimeout, adminTimeout, paceWindow}) {
            if (duration != null && (duration.isNegative() || duration.isZero())) {
                throw new IllegalArgumentException("premium.rebuild durations must be positive");
            }
        }
    }
}
