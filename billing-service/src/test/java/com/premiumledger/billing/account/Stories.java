package com.premiumledger.billing.account;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Consumer;

/**
 * Seeded random stories for the ledger's property tests: each property runs over {@code tries} generated
 * stories. The seed is {@code -Dbilling.properties.seed=<n>} or a fixed default, so a run is repeatable, and a
 * failure names the seed and the try that replays it (each try's story comes from its own derived seed).
 */
public final class Stories {

    static final String SEED_PROPERTY = "billing.properties.seed";
    private static final long DEFAULT_SEED = 20261206L;
    private static final int STEPS_MAX = 40;

    private Stories() {
    }

    /** Runs {@code property} over {@code tries} stories; a failure says which seed and try reproduce it. */
    public static void forEach(int tries, Consumer<List<LedgerScenario.Step>> property) {
        long seed = Long.getLong(SEED_PROPERTY, DEFAULT_SEED);
        for (int attempt = 0; attempt < tries; attempt++) {
            List<LedgerScenario.Step> story = story(new Random(seed * 31 + attempt));
            try {
                property.accept(story);
            } catch (AssertionError | RuntimeException e) {
                throw new AssertionError("property failed with -D" + SEED_PROPERTY + "=" + seed + " at try "
                        + attempt + " of " + tries + ", story " + story + ": " + e.getMessage(), e);
            }
        }
    }

    /** Up to 40 steps, weighted as bills 3, payments 3, assignments 1, reversals 2, refunds 1, closed days 2. */
    static List<LedgerScenario.Step> story(Random random) {
        int size = random.nextInt(STEPS_MAX + 1);
        List<LedgerScenario.Step> steps = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            steps.add(step(random));
        }
        return steps;
    }

    private static LedgerScenario.Step step(Random random) {
        int pick = random.nextInt(12);
        if (pick < 3) {
            return new LedgerScenario.Bill(between(random, 1, 100_000), between(random, 0, 100));
        }
        if (pick < 6) {
            return new LedgerScenario.Pay(cents(random));
        }
        if (pick < 7) {
            return new LedgerScenario.Assign(cents(random));
        }
        if (pick < 9) {
            return new LedgerScenario.Reverse((int) between(random, 0, 50));
        }
        if (pick < 10) {
            return new LedgerScenario.Refund(cents(random));
        }
        return new LedgerScenario.CloseDay((int) between(random, 1, 45));
    }

    private static long cents(Random random) {
        return between(random, 1, 80_000);
    }

    /** A uniform value in [from, to], both included. */
    private static long between(Random random, long from, long to) {
        return from + random.nextLong(to - from + 1);
    }
}
