package com.premiumledger.payment.payment;

import static org.assertj.core.api.Assertions.assertThat;

import com.premiumledger.events.LedgerEvent;
import com.premiumledger.events.PaymentRecorded;
import com.premiumledger.events.UnappliedPaymentReceived;
import com.premiumledger.platform.web.RuleViolation;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Random command sequences on the payment's pure rules keep the ledger's invariants. Each run draws a new seed
 * (or takes {@code -Dpayment.properties.seed=<seed>}) and names it on failure, so a failing case can be replayed.
 */
class PaymentStatePropertiesTest {

    private static final LocalDate RECEIVED = LocalDate.of(2027, 2, 1);
    private static final int REFUNDS_MAX = 20;
    private static final int CASES = 500;
    private static final int COMMANDS_MAX = 12;

    @Test
    void neverReversesTwiceNeverAssignsAnAppliedOrReversedPaymentNeverRefundsMoreThanPaid() {
        long seed = Long.getLong("payment.properties.seed", System.nanoTime());
        Random random = new Random(seed);
        for (int generated = 0; generated < CASES; generated++) {
            PaymentState start = start(random);
            List<Object> commands = commands(random);
            try {
                checkInvariants(start, commands);
            } catch (AssertionError | RuntimeException e) {
                throw new AssertionError("case " + generated + " of seed " + seed
                        + " (replay with -Dpayment.properties.seed=" + seed + "): start " + start + ", commands "
                        + commands, e);
            }
        }
    }

    private static void checkInvariants(PaymentState start, List<Object> commands) {
        PaymentState state = start;
        int reversals = 0;
        for (Object command : commands) {
            PaymentStatus before = state.status();
            Optional<? extends LedgerEvent> event;
            try {
                event = decide(state, command);
            } catch (RuleViolation refused) {
                continue;
            }
            if (event.isEmpty()) {
                continue;
            }
            if (command instanceof AssignPaymentCommand) {
                assertThat(before).isEqualTo(PaymentStatus.UNAPPLIED);
            }
            if (command instanceof ReversePaymentCommand) {
                reversals++;
            }
            state = state.evolve(event.get());
            assertThat(state.refundRequestedCents()).isBetween(0L, state.amountCents());
        }
        assertThat(reversals).isLessThanOrEqualTo(1);
        assertThat(state.status() == PaymentStatus.REVERSED).isEqualTo(reversals == 1);
    }

    private static Optional<? extends LedgerEvent> decide(PaymentState state, Object command) {
        if (command instanceof AssignPaymentCommand assign) {
            return state.assign(assign);
        }
        if (command instanceof ReversePaymentCommand reverse) {
            return state.reverse(reverse);
        }
        return state.refund((RequestRefundCommand) command, REFUNDS_MAX);
    }

    private static PaymentState start(Random random) {
        long amount = between(random, 1, 100_000);
        String method = pick(random, "CARD", "ACH", "CHECK", "MONEY_ORDER");
        return random.nextBoolean()
                ? PaymentState.unapplied(new UnappliedPaymentReceived("P", "Q-1", amount, method, "MAIL", RECEIVED,
                        null, null, null, "k", "service"))
                : PaymentState.recorded(new PaymentRecorded("P", "A-1", amount, method, "ONLINE", RECEIVED, null,
                        null, null, "k", "service"));
    }

    private static List<Object> commands(Random random) {
        int size = random.nextInt(COMMANDS_MAX + 1);
        List<Object> commands = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            commands.add(switch (random.nextInt(3)) {
                case 0 -> new AssignPaymentCommand("P", pick(random, "A-1", "A-2"), null, "operator",
                        random.nextBoolean());
                case 1 -> new ReversePaymentCommand("P", pick(random, "NSF", "RETURNED_CHECK", "CHARGEBACK"),
                        RECEIVED.plusDays(between(random, -2, 5)), "service", random.nextBoolean());
                default -> new RequestRefundCommand("P", pick(random, "R-1", "R-2", "R-3", "R-4"),
                        between(random, 0, 120_000), RECEIVED, "service");
            });
        }
        return commands;
    }

    /** Inclusive bounds, as the ranges of the rules are stated. */
    private static long between(Random random, long min, long max) {
        return min + (long) random.nextInt((int) (max - min + 1));
    }

    private static String pick(Random random, String... values) {
        return values[random.nextInt(values.length)];
    }
}
