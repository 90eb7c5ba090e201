package com.premiumledger.billing.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import com.premiumledger.billing.account.LedgerScenario;
import com.premiumledger.billing.account.Stories;
import com.premiumledger.platform.consumer.ReceivedEvent;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The ledger's balance is the sum of its lines and the account's figure; as-of rebuilds agree with it. */
class LedgerPropertiesTest {

    private static final LocalDate FAR_AHEAD = LocalDate.of(2199, 1, 1);

    @Test
    void theLedgerBalanceIsTheSumOfItsLinesAndTheAccountsBalance() {
        Stories.forEach(200, LedgerPropertiesTest::balanceIsTheSumOfItsLinesAndTheAccountsBalance);
    }

    private static void balanceIsTheSumOfItsLinesAndTheAccountsBalance(List<LedgerScenario.Step> story) {
        LedgerScenario scenario = LedgerScenario.run(story);
        List<ReceivedEvent> events = scenario.receivedAccountEvents();
        LedgerView once = fold(events, false);
        long sumOfLinesCents = once.lines().stream().mapToLong(line -> line.debitCents() - line.creditCents()).sum();
        assertThat(once.balanceCents()).isEqualTo(sumOfLinesCents)
                .isEqualTo(scenario.openCents() - scenario.creditCents());

        LedgerAsOf.Balance asOf = LedgerAsOf.balance(once, FAR_AHEAD);
        assertThat(asOf.balanceCents()).isEqualTo(once.balanceCents());
        assertThat(asOf.openCents()).isEqualTo(scenario.openCents());
        assertThat(asOf.creditCents()).isEqualTo(scenario.creditCents());
        LedgerAsOf.Aging aging = asOf.aging();
        assertThat(aging.currentCents() + aging.days1To30Cents() + aging.days31To60Cents() + aging.days61To90Cents()
                + aging.days90PlusCents()).isEqualTo(asOf.openCents());
        // Every earlier day adds up too (the rebuild checks balance = open - credit itself).
        once.lines().forEach(line -> LedgerAsOf.balance(once, line.effectiveDate()));

        assertThat(fold(events, true)).isEqualTo(once);
    }

    private static LedgerView fold(List<ReceivedEvent> events, boolean redeliver) {
        LedgerView view = null;
        for (ReceivedEvent event : events) {
            for (int delivery = 0; delivery < (redeliver ? 2 : 1); delivery++) {
                view = offer(view, event);
            }
        }
        return view;
    }

    /** As the projection does: an event at or below the view's last sequence is a redelivery. */
    private static LedgerView offer(LedgerView view, ReceivedEvent event) {
        if (view != null && event.sequence() <= view.lastSequence()) {
            return view;
        }
        return LedgerFold.apply(view, event);
    }
}
