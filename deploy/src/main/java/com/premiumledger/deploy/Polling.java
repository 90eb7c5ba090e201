package com.premiumledger.deploy;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/**
 * The one poll loop of the launcher and the benchmark (tools, not tests: tests wait with Awaitility).
 * Checks {@code done} every {@code interval} until it holds or {@code timeout} passed.
 */
public final class Polling {

    private Polling() {
    }

    /** True when {@code done} held in time, false when the time ran out. */
    public static boolean until(Duration timeout, Duration interval, BooleanSupplier done) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (done.getAsBoolean()) {
                return true;
            }
            Thread.sleep(interval.toMillis());
        }
        return done.getAsBoolean();
    }
}
