package com.premiumledger.payment.payment;

import static org.assertj.core.api.Assertions.assertThat;

import com.premiumledger.events.LedgerEvent;
import com.premiumledger.events.PaymentRecorded;
import com.premiumledger.events.UnappliedPaymentReceived;
import com.premiumledger.platform.web.RuleViolation;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Random command sequences on the payment's pure rules keep the ledger's invariants. */
class PaymentStatePropertiesTest {

    private static final LocalDate RECEIVED = LocalDate.of(2027, 2, 1);
    private static final int REFUNDS_MAX = 20;

    @Property(tries = 500)
    void neverReversesTwiceNeverAssignsAnAppliedOrReversedPaymentNeverRefundsMoreThanPaid(
            @ForAll("starts") PaymentState start, @ForAll("commands") List<Object> commands) {
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

    @Provide
    Arbitrary<PaymentState> starts() {
        Arbitrary<Long> amounts = Arbitraries.longs().between(1, 100_000);
        Arbitrary<String> methods = Arbitraries.of("CARD", "ACH", "CHECK", "MONEY_ORDER");
        return Combinators.combine(amounts, methods, Arbitraries.of(true, false)).as((amount, method, unapplied) ->
                unapplied
                        ? PaymentState.unapplied(new UnappliedPaymentReceived("P", "Q-1", amount, method, "MAIL",
                                RECEIVED, null, null, null, "k", "service"))
                        : PaymentState.recorded(new PaymentRecorded("P", "A-1", amount, method, "ONLINE", RECEIVED,
                                null, null, null, "k", "service")));
    }

    @Provide
    Arbitrary<List<Object>> commands() {
        Arbitrary<Object> assign = Combinators.combine(Arbitraries.of("A-1", "A-2"), Arbitraries.of(true, false))
                .as((account, retry) -> new AssignPaymentCommand("P", account, null, "operator", retry));
        Arbitrary<Object> reverse = Combinators.combine(Arbitraries.of("NSF", "RETURNED_CHECK", "CHARGEBACK"),
                        Arbitraries.integers().between(-2, 5), Arbitraries.of(true, false))
                .as((reason, days, retry) -> new ReversePaymentCommand("P", reason, RECEIVED.plusDays(days),
                        "service", retry));
        Arbitrary<Object> refund = Combinators.combine(Arbitraries.of("R-1", "R-2", "R-3", "R-4"),
                        Arbitraries.longs().between(0, 120_000))
                .as((refundId, amount) -> new RequestRefundCommand("P", refundId, amount, RECEIVED, "service"));
        return Arbitraries.oneOf(assign, reverse, refund).list().ofMaxSize(12);
    }
}
