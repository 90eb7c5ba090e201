package com.premiumledger.platform.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.premiumledger.platform.web.ApiProblem;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class AsOfTest {

    private final Clock clock = Clock.fixed(Instant.parse("2027-03-01T12:00:00Z"), ZoneOffset.UTC);

    @Test
    void readsInstantsOffsetDateTimesAndDatesAsTheEndOfThatDay() {
        assertThat(AsOf.parse("2027-01-05T10:00:00Z", clock)).isEqualTo(Instant.parse("2027-01-05T10:00:00Z"));
        assertThat(AsOf.parse("2027-01-05T11:00:00+01:00", clock)).isEqualTo(Instant.parse("2027-01-05T10:00:00Z"));
        assertThat(AsOf.parse("2027-01-05", clock)).isEqualTo(Instant.parse("2027-01-05T23:59:59.999999999Z"));
        assertThat(AsOf.parse(null, clock)).isEqualTo(clock.instant());
        assertThat(AsOf.parse(" ", clock)).isEqualTo(clock.instant());
    }

    @Test
    void anythingElseIsA400WithAStableType() {
        for (String bad : new String[] {"yesterday", "2027-13-01", "2027-01-05T25:00:00Z", "1700000000"}) {
            assertThatThrownBy(() -> AsOf.parse(bad, clock)).isInstanceOfSatisfying(ApiProblem.class, problem -> {
                assertThat(problem.status().value()).isEqualTo(400);
                assertThat(problem.slug()).isEqualTo("invalid-as-of");
            });
        }
    }
}
