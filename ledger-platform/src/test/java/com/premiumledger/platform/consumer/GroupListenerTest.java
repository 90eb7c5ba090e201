package com.premiumledger.platform.consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.premiumledger.events.AccountOpened;
import com.premiumledger.events.CloudEventsCodec;
import com.premiumledger.events.DayClosed;
import com.premiumledger.events.EventEnvelope;
import com.premiumledger.events.LedgerEvent;
import com.premiumledger.events.Topics;
import com.premiumledger.platform.testing.TestEvents;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.listener.BatchListenerFailedException;

/** One poll batch, every handler of the group: by type, broadcast copies, failures. */
class GroupListenerTest {

    final SimpleMeterRegistry meters = new SimpleMeterRegistry();

    /** Records what it got, batch by batch; fails on one account when told to. */
    static final class Recorder implements EventStreamHandler {
        final String name;
        final Set<Class<? extends LedgerEvent>> types;
        final boolean perPartition;
        final List<List<String>> batches = new ArrayList<>();
        final List<String> oneByOne = new ArrayList<>();
        volatile String failOn;

        Recorder(String name, Set<Class<? extends LedgerEvent>> types, boolean perPartition) {
            this.name = name;
            this.types = types;
            this.perPartition = perPartition;
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public Collection<String> topics() {
            return List.of(Topics.BILLING);
        }

        @Override
        public Set<Class<? extends LedgerEvent>> eventTypes() {
            return types;
        }

        @Override
        public boolean broadcastPerPartition() {
            return perPartition;
        }

        @Override
        public void handle(ReceivedEvent event) {
            if (event.aggregateId().equals(failOn)) {
                throw new IllegalStateException("cannot handle " + failOn);
            }
            oneByOne.add(label(event));
        }

        @Override
        public void handleAll(List<ReceivedEvent> events) {
            if (events.stream().anyMatch(event -> event.aggregateId().equals(failOn))) {
                throw new IllegalStateException("batch with " + failOn);
            }
            batches.add(events.stream().map(GroupListenerTest::label).toList());
        }
    }

    static String label(ReceivedEvent event) {
        return event.aggregateId() + "@" + event.partition();
    }

    GroupListener listener(String name, Recorder... recorders) {
        List<GroupListener.Target> targets = new ArrayList<>();
        for (Recorder recorder : recorders) {
            targets.add(new GroupListener.Target(recorder, recorder::handle, recorder::handleAll));
        }
        return new GroupListener(name, targets, meters);
    }

    static ConsumerRecord<String, byte[]> record(int partition, long offset, String aggregateId, LedgerEvent payload) {
        EventEnvelope envelope = TestEvents.envelope(aggregateId, 0, payload);
        ProducerRecord<String, byte[]> produced = CloudEventsCodec.toRecord(Topics.BILLING, envelope);
        return new ConsumerRecord<>(Topics.BILLING, partition, offset, 0L, TimestampType.CREATE_TIME, 0, 0,
                produced.key(), produced.value(), new RecordHeaders(produced.headers().toArray()), Optional.empty());
    }

    /** A record with the headers of {@code payload}'s type and a body that is not JSON. */
    static ConsumerRecord<String, byte[]> corrupt(int partition, long offset, LedgerEvent payload) {
        ConsumerRecord<String, byte[]> good = record(partition, offset, "X-1", payload);
        return new ConsumerRecord<>(Topics.BILLING, partition, offset, 0L, TimestampType.CREATE_TIME, 0, 0,
                good.key(), "not json".getBytes(StandardCharsets.UTF_8), good.headers(), Optional.empty());
    }

    static AccountOpened opened(String accountId) {
        return new AccountOpened(accountId, "Holder", "APTC", LocalDate.of(2027, 1, 1), "en", null, "test");
    }

    static DayClosed closed() {
        return new DayClosed(LocalDate.of(2027, 1, 2), null, "operator");
    }

    double counted(String group, String outcome) {
        return meters.get("ledger.consumer.events").tags("handler", group, "outcome", outcome).counter().count();
    }

    @Test
    void eachHandlerGetsTheWholeBatchOfItsTypes() {
        Recorder accounts = new Recorder("accounts", Set.of(AccountOpened.class), false);
        Recorder days = new Recorder("days", Set.of(DayClosed.class), false);
        Recorder everyCopy = new Recorder("every-copy", Set.of(DayClosed.class), true);

        listener("events", accounts, days, everyCopy).onMessage(List.of(
                record(0, 0, "A-1", opened("A-1")),
                record(1, 0, "CAL", closed()),
                record(0, 1, "CAL", closed()),
                record(1, 1, "A-2", opened("A-2"))));

        assertThat(accounts.batches).containsExactly(List.of("A-1@0", "A-2@1"));
        assertThat(days.batches).as("a broadcast event once: its copy on partition 0")
                .containsExactly(List.of("CAL@0"));
        assertThat(everyCopy.batches).containsExactly(List.of("CAL@1", "CAL@0"));
        assertThat(counted("events", "handled")).isEqualTo(4);
    }

    @Test
    void aRecordNoHandlerWantsIsSkippedWithoutBeingDecoded() {
        Recorder accounts = new Recorder("accounts", Set.of(AccountOpened.class), false);

        listener("narrow", accounts).onMessage(List.of(corrupt(0, 0, closed()), record(0, 1, "A-1", opened("A-1"))));

        assertThat(accounts.batches).containsExactly(List.of("A-1@0"));
        assertThat(counted("narrow", "skipped")).isEqualTo(1);
        assertThat(counted("narrow", "handled")).isEqualTo(1);
    }

    @Test
    void aFailingHandlerLeavesTheOthersTheirBatchAndReportsItsRecord() {
        Recorder failing = new Recorder("failing", Set.of(AccountOpened.class), false);
        Recorder healthy = new Recorder("healthy", Set.of(AccountOpened.class), false);
        failing.failOn = "A-2";
        List<ConsumerRecord<String, byte[]>> batch = List.of(
                record(0, 0, "A-1", opened("A-1")),
                record(0, 1, "A-2", opened("A-2")),
                record(0, 2, "A-3", opened("A-3")));

        assertThatThrownBy(() -> listener("events", failing, healthy).onMessage(batch))
                .isInstanceOfSatisfying(BatchListenerFailedException.class, e -> assertThat(e.getIndex()).isEqualTo(1))
                .hasMessageContaining("cannot handle A-2");

        assertThat(failing.oneByOne).as("one by one up to the failing record").containsExactly("A-1@0");
        assertThat(healthy.batches).containsExactly(List.of("A-1@0", "A-2@0", "A-3@0"));
    }

    @Test
    void anUnreadableRecordIsReportedAfterTheRecordsBeforeItWereHandled() {
        Recorder all = new Recorder("all", Set.of(), false);

        assertThatThrownBy(() -> listener("events", all).onMessage(List.of(
                record(0, 0, "A-1", opened("A-1")), corrupt(0, 1, opened("A-2")), record(0, 2, "A-3", opened("A-3")))))
                .isInstanceOfSatisfying(BatchListenerFailedException.class, e -> assertThat(e.getIndex()).isEqualTo(1));

        assertThat(all.batches).containsExactly(List.of("A-1@0"));
    }
}
