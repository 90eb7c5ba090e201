package com.premiumledger.billing.balance;

import static org.assertj.core.api.Assertions.assertThat;

import com.premiumledger.billing.account.LedgerScenario;
import com.premiumledger.billing.account.Stories;
import com.premiumledger.platform.consumer.ReceivedEvent;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The account view agrees with the account after any story, and redelivered events change nothing. */
class AccountViewPropertiesTest {

    @Test
    void theViewAgreesWithTheAccountAndIgnoresRedeliveries() {
        Stories.forEach(200, AccountViewPropertiesTest::viewAgreesWithTheAccountAndIgnoresRedeliveries);
    }

    private static void viewAgreesWithTheAccountAndIgnoresRedeliveries(List<LedgerScenario.Step> story) {
        LedgerScenario scenario = LedgerScenario.run(story);
        List<ReceivedEvent> events = scenario.receivedAccountEvents();
        AccountView once = fold(events, false);
        // Every step checks the view's sums and every figure the account stated on the event.
        assertThat(once.openCents()).isEqualTo(scenario.openCents());
        assertThat(once.creditCents()).isEqualTo(scenario.creditCents());
        assertThat(once.balanceCents()).isEqualTo(scenario.openCents() - scenario.creditCents());
        assertThat(fold(events, true)).isEqualTo(once);
    }

    /** Folds as the projection does: an event at or below the view's last sequence is a redelivery. */
    private static AccountView fold(List<ReceivedEvent> events, boolean redeliver) {
        AccountView view = null;
        for (ReceivedEvent event : events) {
            for (int delivery = 0; delivery < (redeliver ? 2 : 1); delivery++) {
                view = offer(view, event);
            }
            if (redeliver) {
                view = offer(view, events.get(0));
            }
        }
        return view;
    }

    private static AccountView offer(AccountView view, ReceivedEvent event) {
        if (view != null && event.sequence() <= view.lastSequence()) {
            return view;
        }
        return AccountViewFold.apply(view, event.payload(), event.eventId(), event.sequence());
    }
}
