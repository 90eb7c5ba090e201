package com.premiumledger.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.premiumledger.events.BillIssued;
import com.premiumledger.events.EventEnvelope;
import com.premiumledger.events.EventTypes;
import com.premiumledger.platform.consumer.ReceivedEvent;
import com.premiumledger.platform.consumer.StreamGate;
import com.premiumledger.platform.testing.EmbeddedMongo;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class StreamGateTest {

    @RegisterExtension
    static final EmbeddedMongo MONGO = new EmbeddedMongo();
    StreamGate gate = new StreamGate(MONGO.client().getDatabase("gate-test"), 3);

    static ReceivedEvent event(String aggregateId, long sequence) {
        BillIssued bill = new BillIssued(aggregateId, aggregateId + "-" + sequence, "2027-01", LocalDate.of(2026, 12, 23),
                500, 300, 200, LocalDate.of(2026, 12, 1), "test");
        return new ReceivedEvent(new EventEnvelope(UUID.randomUUID().toString(), EventTypes.typeOf(BillIssued.class),
                "/test", aggregateId, Instant.now(), aggregateId, sequence, null, null, bill), "t", 0, sequence);
    }

    /** Offers and, when ready, handles and advances; returns the sequences handled. */
    java.util.List<Long> deliver(String aggregateId, long sequence) {
        StreamGate.Decision decision = gate.offer("c", event(aggregateId, sequence));
        if (decision instanceof StreamGate.Ready ready) {
            ready.events().forEach(e -> gate.advance("c", e));
            return ready.events().stream().map(ReceivedEvent::sequence).toList();
        }
        return java.util.List.of();
    }

    @Test
    void inOrderEventsPassAndDuplicatesAreDropped() {
        String id = "G-" + UUID.randomUUID();
        assertThat(deliver(id, 0)).containsExactly(0L);
        assertThat(deliver(id, 1)).containsExactly(1L);
        assertThat(gate.offer("c", event(id, 0))).isInstanceOf(StreamGate.Duplicate.class);
        assertThat(gate.offer("c", event(id, 1))).isInstanceOf(StreamGate.Duplicate.class);
    }

    @Test
    void anEarlyEventWaitsForItsPredecessor() {
        String id = "G-" + UUID.randomUUID();
        assertThat(deliver(id, 0)).containsExactly(0L);
        assertThat(deliver(id, 3)).isEmpty();
        assertThat(deliver(id, 2)).isEmpty();
        assertThat(deliver(id, 2)).isEmpty();
        assertThat(deliver(id, 1)).containsExactly(1L, 2L, 3L);
        assertThat(deliver(id, 4)).containsExactly(4L);
        assertThat(gate.offer("c", event(id, 3))).isInstanceOf(StreamGate.Duplicate.class);
    }

    @Test
    void consumersKeepSeparateGates() {
        String id = "G-" + UUID.randomUUID();
        assertThat(deliver(id, 0)).containsExactly(0L);
        assertThat(gate.offer("other", event(id, 0))).isInstanceOf(StreamGate.Ready.class);
    }

    @Test
    void aGapLargerThanTheParkingLimitFailsLoudly() {
        String id = "G-" + UUID.randomUUID();
        deliver(id, 1);
        deliver(id, 2);
        deliver(id, 3);
        assertThatThrownBy(() -> deliver(id, 4)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("parked");
    }
}
