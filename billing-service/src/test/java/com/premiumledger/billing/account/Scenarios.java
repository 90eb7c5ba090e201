package com.premiumledger.billing.account;

import java.util.List;

/** A fixed story that touches every kind of account event, for the redelivery tests of the projections. */
public final class Scenarios {

    private Scenarios() {
    }

    /** Bills, payments (one assigned), a missed bill, a reversal that reopens, a refund and a rejected one. */
    public static LedgerScenario everyKindOfEvent() {
        return LedgerScenario.run(List.of(new LedgerScenario.Bill(50_000, 40), new LedgerScenario.Pay(10_000),
                new LedgerScenario.CloseDay(40), new LedgerScenario.Assign(40_000),
                new LedgerScenario.Bill(50_000, 40), new LedgerScenario.Pay(30_000), new LedgerScenario.Reverse(0),
                new LedgerScenario.Refund(5_000), new LedgerScenario.Refund(900_000),
                new LedgerScenario.Pay(70_000), new LedgerScenario.Refund(1_000)));
    }
}
