package com.premiumledger.deploy.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LagStepsTest {

    @Test
    void aStepPassesOnlyWhenEveryProjectionKeepsItsP99UnderASecond() {
        assertThat(LagSteps.failure(step(100, 99, 0, 300, 400, 999))).isNull();
        assertThat(LagSteps.failure(step(100, 99, 0, 300, 1000, 200))).isEqualTo("coverage p99 1000.0 ms");
        assertThat(LagSteps.worstP99(step(100, 99, 0, 300, 1000, 200))).isEqualTo(1000);
    }

    @Test
    @SuppressWarnings("unchecked")
    void aStepThatFellBehindTheOfferOrTimedOutFails() {
        Map<String, Object> slow = step(200, 150, 0, 300, 300, 300);
        assertThat(LagSteps.failure(slow)).isEqualTo("achieved 150.0 of 200 commands/s offered");

        Map<String, Object> timedOut = step(100, 100, 0, 300, 300, 300);
        ((Map<String, Object>) timedOut.get("noticesLagMs")).put("timeouts", 2L);
        assertThat(LagSteps.failure(timedOut)).contains("notices: 2 samples never showed");

        Map<String, Object> unsampled = step(100, 100, 0, 300, 300, 300);
        ((Map<String, Object>) unsampled.get("balanceLagMs")).put("count", 0L);
        assertThat(LagSteps.failure(unsampled)).isEqualTo("balance: no sample");
    }

    @Test
    void stepsAreParsedAscending() {
        BenchmarkOptions options = BenchmarkOptions.parse(new String[] {"--lag-steps=25, 50,100",
                "--lag-step-seconds=7", "--project-dir=" + Path.of("").toAbsolutePath()}, Map.of());
        assertThat(options.lagSteps()).containsExactly(25, 50, 100);
        assertThat(options.lagStepSeconds()).isEqualTo(7);
        assertThat(BenchmarkOptions.parse(new String[] {}, Map.of()).lagSteps()).containsExactly(25, 50, 100, 200, 400);
        assertThatThrownBy(() -> BenchmarkOptions.parse(new String[] {"--lag-steps=50,25"}, Map.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("ascending");
        assertThatThrownBy(() -> BenchmarkOptions.parse(new String[] {"--lag-steps=a"}, Map.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("integers");
    }

    private static Map<String, Object> step(int offered, double achieved, long errors, double balanceP99,
                                            double coverageP99, double noticesP99) {
        Map<String, Object> step = new LinkedHashMap<>();
        step.put("offeredCommandsPerSecond", offered);
        step.put("achievedCommandsPerSecond", achieved);
        step.put("errors", errors);
        List<String> projections = List.of("balance", "coverage", "notices");
        double[] p99 = {balanceP99, coverageP99, noticesP99};
        for (int i = 0; i < projections.size(); i++) {
            Map<String, Object> lag = new LinkedHashMap<>();
            lag.put("count", 10L);
            lag.put("p50", p99[i] / 2);
            lag.put("p99", p99[i]);
            lag.put("timeouts", 0L);
            step.put(projections.get(i) + "LagMs", lag);
        }
        return step;
    }
}
