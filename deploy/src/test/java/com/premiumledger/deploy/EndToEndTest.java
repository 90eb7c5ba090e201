package com.premiumledger.deploy;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** The whole system on the embedded broker and store, as the local stack runs it. */
class EndToEndTest {

    @Test
    void billsAndPaymentsFlowIntoBalancesCoverageAndNotices() {
        try (RunningSystem system = RunningSystem.start(Map.of())) {
            new EndToEndScenario(system).run();
        }
    }
}
