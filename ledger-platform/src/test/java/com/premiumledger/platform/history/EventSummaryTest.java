package com.premiumledger.platform.history;

import static org.assertj.core.api.Assertions.assertThat;

import com.premiumledger.events.EventJson;
import org.junit.jupiter.api.Test;

class EventSummaryTest {

    @Test
    void namesScalarsCountsListsAndLeavesOutTheAccountAndNulls() throws Exception {
        var payload = EventJson.mapper().readTree("""
                {"accountId":"A-1","paymentId":"P-1","amountCents":20000,"receivedDate":"2027-02-01",
                 "allocations":[{"billId":"B"},{"billId":"C"}],"extra":{"a":1},"note":null}""");
        assertThat(HistoryEvent.summary(payload, 300))
                .isEqualTo("paymentId=P-1, amountCents=20000, receivedDate=2027-02-01, allocations=[2], extra={..}");
        assertThat(HistoryEvent.summary(payload, 20)).hasSize(20).endsWith("...");
    }
}
