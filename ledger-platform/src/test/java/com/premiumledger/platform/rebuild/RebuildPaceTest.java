package com.premiumledger.platform.rebuild;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class RebuildPaceTest {

    private static final long SECOND = 1_000_000_000L;

    @Test
    void aConsumerCommittingInStepsKeepsItsPaceBetweenSteps() {
        // 500 records committed every 5 seconds (what a rebuild's batch commits look like on a busy machine),
        // sampled every second: the pace is about 100/s throughout, never 0 between two commits.
        RebuildPace pace = new RebuildPace(Duration.ofSeconds(20));
        assertThat(pace.sample(0, 0)).isZero();
        for (int second = 1; second <= 60; second++) {
            long processed = (second / 5) * 500L;
            double perSecond = pace.sample(second * SECOND, processed);
            if (second >= 5) {
                assertThat(perSecond).as("second %d", second).isGreaterThan(0);
            }
            if (second >= 25) {
                assertThat(perSecond).as("second %d", second).isCloseTo(100, within(25.0));
            }
        }
    }

    @Test
    void beforeTheWindowIsFullThePaceIsSinceTheFirstSample() {
        RebuildPace pace = new RebuildPace(Duration.ofSeconds(20));
        pace.sample(0, 0);
        assertThat(pace.sample(4 * SECOND, 1000)).isCloseTo(250, within(0.001));
    }

    @Test
    void thePaceFollowsAChangeWithinOneWindow() {
        RebuildPace pace = new RebuildPace(Duration.ofSeconds(10));
        for (int second = 0; second <= 30; second++) {
            pace.sample(second * SECOND, second * 1000L);
        }
        double perSecond = 0;
        for (int second = 31; second <= 41; second++) {
            perSecond = pace.sample(second * SECOND, 30_000L + (second - 30) * 100L);
        }
        assertThat(perSecond).isCloseTo(100, within(0.001));
    }

    @Test
    void aStalledRebuildReadsZeroOnceTheWindowHasPassed() {
        RebuildPace pace = new RebuildPace(Duration.ofSeconds(5));
        pace.sample(0, 0);
        pace.sample(SECOND, 500);
        double perSecond = 0;
        for (int second = 2; second <= 8; second++) {
            perSecond = pace.sample(second * SECOND, 500);
        }
        assertThat(perSecond).isZero();
    }

    @Test
    void theWindowMustBePositive() {
        assertThatThrownBy(() -> new RebuildPace(Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
    }
}
