package com.premiumledger.deploy.bench;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The end-to-end lag figure of issue 13: the highest offered load whose p99 lag (balance, coverage, notices)
 * stays under {@link #P99_LIMIT_MS}. The offered rate steps up (e.g. 25, 50, 100, 200, 400 commands/s), each step
 * a {@link LagProbe} on fresh accounts starting from caught-up consumers, so that one step's backlog does not
 * count against the next. Stepping stops at the first step that fails: a higher load would only fail further
 * and its backlog would take minutes to drain.
 */
final class LagSteps {

    static final double P99_LIMIT_MS = 1000;
    static final List<String> PROJECTIONS = List.of("balance", "coverage", "notices");

    /** Waits until every service's consumer groups have caught up. */
    interface CatchUp {
        void await() throws InterruptedException;
    }

    private LagSteps() {
    }

    static Map<String, Object> run(BenchStack stack, CatchUp catchUp, String prefix, YearMonth month,
                                   BenchmarkOptions options) throws InterruptedException {
        List<Map<String, Object>> steps = new ArrayList<>();
        int highest = 0;
        boolean failed = false;
        for (int rate : options.lagSteps()) {
            Map<String, Object> step;
            if (failed) {
                step = new LinkedHashMap<>();
                step.put("offeredCommandsPerSecond", rate);
                step.put("passed", false);
                step.put("notRun", "a lower step already failed");
            } else {
                catchUp.await();
                LagProbe probe = new LagProbe(new Api(), stack.url("billing-service"), stack.url("payment-service"),
                        stack.url("coverage-service"), stack.url("notification-service"));
                step = probe.run(prefix + rate, month, rate, options.lagStepSeconds(), options.lagSampleEvery());
                String failure = failure(step);
                step.put("worstP99Ms", worstP99(step));
                step.put("passed", failure == null);
                if (failure == null) {
                    highest = rate;
                } else {
                    step.put("failedBecause", failure);
                    failed = true;
                }
            }
            steps.add(step);
        }
        Map<String, Object> lag = new LinkedHashMap<>();
        lag.put("p99LimitMs", P99_LIMIT_MS);
        lag.put("stepSeconds", options.lagStepSeconds());
        lag.put("highestPassingCommandsPerSecond", highest);
        lag.put("steps", steps);
        return lag;
    }

    /** Why a step does not count as keeping up, or null if it does. */
    static String failure(Map<String, Object> step) {
        double offered = number(step, "offeredCommandsPerSecond");
        double achieved = number(step, "achievedCommandsPerSecond");
        List<String> reasons = new ArrayList<>();
        if (number(step, "errors") > 0) {
            reasons.add((long) number(step, "errors") + " commands failed");
        }
        if (achieved < 0.95 * offered) {
            reasons.add(String.format("achieved %.1f of %.0f commands/s offered", achieved, offered));
        }
        for (String projection : PROJECTIONS) {
            Map<String, Object> lag = projection(step, projection);
            double p99 = number(lag, "p99");
            long timeouts = (long) number(lag, "timeouts");
            if (number(lag, "count") == 0) {
                reasons.add(projection + ": no sample");
            } else if (p99 >= P99_LIMIT_MS) {
                reasons.add(String.format("%s p99 %.1f ms", projection, p99));
            }
            if (timeouts > 0) {
                reasons.add(projection + ": " + timeouts + " samples never showed within the probe's patience");
            }
        }
        return reasons.isEmpty() ? null : String.join("; ", reasons);
    }

    static double worstP99(Map<String, Object> step) {
        return PROJECTIONS.stream().mapToDouble(projection -> number(projection(step, projection), "p99")).max()
                .orElse(0);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> projection(Map<String, Object> step, String projection) {
        Object lag = step.get(projection + "LagMs");
        return lag instanceof Map<?, ?> map ? (Map<String, Object>) map : Map.of();
    }

    private static double number(Map<String, Object> map, String key) {
        return map.get(key) instanceof Number n ? n.doubleValue() : 0;
    }
}
