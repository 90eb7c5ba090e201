package com.premiumledger.billing;

import com.premiumledger.events.EventEnvelope;
import com.premiumledger.events.EventTypes;
import com.premiumledger.events.LedgerEvent;
import com.premiumledger.events.Topics;
import com.premiumledger.platform.consumer.ReceivedEvent;
import java.time.Instant;
import java.util.UUID;

/** Account events as a consumer receives them, for projection tests. */
public final class TestEvents {

    private TestEvents() {
    }

    public static ReceivedEvent received(String accountId, long sequence, LedgerEvent payload) {
        EventEnvelope envelope = new EventEnvelope(UUID.randomUUID().toString(), EventTypes.typeOf(payload.getClass()),
                "/premium-ledger/billing-service", accountId, Instant.parse("2026-12-01T10:00:00Z"), accountId,
                sequence, null, null, payload);
        return new ReceivedEvent(envelope, Topics.BILLING, 0, 100 + sequence);
    }
}
