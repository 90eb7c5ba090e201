package com.premiumledger.platform.consumer;

import com.premiumledger.events.CloudEventsCodec;
import com.premiumledger.events.EventEnvelope;
import com.premiumledger.events.EventJson;
import com.premiumledger.events.EventTypes;
import com.premiumledger.events.LedgerEvent;
import com.premiumledger.events.PartitionBroadcast;
import com.premiumledger.platform.command.LedgerCommands;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.slf4j.MDC;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.kafka.listener.BatchMessageListener;

/**
 * Hands a poll batch to every handler of a processing group. A record's {@code ce_type} header decides which
 * handlers want it before anything is decoded; a record that no handler wants is skipped undecoded, one that some
 * want is decoded once for all of them. Each handler gets its events of the batch in one {@code handleAll} call.
 *
 * <p>Should a handler fail, it gets the same events one by one to find the failing record; the other handlers
 * still get the whole batch, and then the listener reports the earliest failing record by its index: the
 * container commits what comes before it and delivers it and the rest again, to every handler (their guards drop
 * what they already applied), until it succeeds or goes to the dead-letter topic.
 */
final class GroupListener implements BatchMessageListener<String, byte[]> {

    /**
     * A handler as the listener calls it: one event at a time, or a batch at once. Its event types are read once,
     * here, not for every record.
     */
    record Target(EventStreamHandler handler, Set<Class<? extends LedgerEvent>> types, Consumer<ReceivedEvent> one,
                  Consumer<List<ReceivedEvent>> all) {

        Target(EventStreamHandler handler, Consumer<ReceivedEvent> one, Consumer<List<ReceivedEvent>> all) {
            this(handler, Set.copyOf(handler.eventTypes()), one, all);
        }

        boolean wants(Optional<Class<? extends LedgerEvent>> type, int partition) {
            if (type.isEmpty()) {
                // A type this build does not know: decoding it fails and sends it to the dead-letter topic.
                return true;
            }
            if (PartitionBroadcast.class.isAssignableFrom(type.get()) && partition != 0
                    && !handler.broadcastPerPartition()) {
                return false;
            }
            return types.isEmpty() || types.contains(type.get());
        }
    }

    private static final Map<String, Optional<Class<? extends LedgerEvent>>> TYPES = new ConcurrentHashMap<>();

    private final List<Target> targets;
    private final Counter handled;
    private final Counter skipped;

    GroupListener(String meterName, List<Target> targets, MeterRegistry meters) {
        this.targets = List.copyOf(targets);
        this.handled = counter(meters, meterName, "handled");
        this.skipped = counter(meters, meterName, "skipped");
    }

    @Override
    public void onMessage(List<ConsumerRecord<String, byte[]>> records) {
        List<List<ReceivedEvent>> perTarget = new ArrayList<>();
        List<List<Integer>> indexes = new ArrayList<>();
        targets.forEach(target -> {
            perTarget.add(new ArrayList<>());
            indexes.add(new ArrayList<>());
        });
        BatchListenerFailedException earliest = null;
        for (int i = 0; i < records.size() && earliest == null; i++) {
            try {
                distribute(records.get(i), i, perTarget, indexes);
            } catch (BatchListenerFailedException unreadable) {
                // The records before it are still handled: the container commits up to it.
                earliest = unreadable;
            }
        }
        for (int t = 0; t < targets.size(); t++) {
            BatchListenerFailedException failure = handle(targets.get(t), perTarget.get(t), indexes.get(t));
            if (failure != null && (earliest == null || failure.getIndex() < earliest.getIndex())) {
                earliest = failure;
            }
        }
        if (earliest != null) {
            throw earliest;
        }
    }

    private void distribute(ConsumerRecord<String, byte[]> record, int index, List<List<ReceivedEvent>> perTarget,
                            List<List<Integer>> indexes) {
        Optional<Class<? extends LedgerEvent>> type = typeOf(record);
        ReceivedEvent event = null;
        for (int t = 0; t < targets.size(); t++) {
            if (!targets.get(t).wants(type, record.partition())) {
                continue;
            }
            if (event == null) {
                try {
                    event = decode(record);
                } catch (RuntimeException e) {
                    throw failed(e, index);
                }
            }
            perTarget.get(t).add(event);
            indexes.get(t).add(index);
        }
        (event == null ? skipped : handled).increment();
    }

    /** Hands a target its events; on failure, one by one up to the failing record, which is returned. */
    private static BatchListenerFailedException handle(Target target, List<ReceivedEvent> events,
                                                       List<Integer> indexes) {
        try {
            if (!events.isEmpty()) {
                target.all().accept(events);
            }
            return null;
        } catch (RuntimeException batchFailure) {
            for (int i = 0; i < events.size(); i++) {
                try {
                    handleOne(target, events.get(i));
                } catch (RuntimeException e) {
                    return failed(e, indexes.get(i));
                }
            }
            // Every event went through one by one: the batch failure was transient.
            return null;
        }
    }

    private static void handleOne(Target target, ReceivedEvent event) {
        try (var correlation = MDC.putCloseable(LedgerCommands.MDC_CORRELATION, event.envelope().correlationId());
             var causation = MDC.putCloseable(LedgerCommands.MDC_CAUSATION, event.eventId())) {
            target.one().accept(event);
        }
    }

    /** Handles one record on its own, through every handler that wants it (a dead letter's retry). */
    void onRecord(ConsumerRecord<String, byte[]> record) {
        Optional<Class<? extends LedgerEvent>> type = typeOf(record);
        ReceivedEvent event = decode(record);
        for (Target target : targets) {
            if (target.wants(type, record.partition())) {
                handleOne(target, event);
            }
        }
    }

    /** The record's event type from its header; empty for one this build does not know (yet: upcasters). */
    private static Optional<Class<? extends LedgerEvent>> typeOf(ConsumerRecord<String, byte[]> record) {
        Header header = record.headers().lastHeader(CloudEventsCodec.H_TYPE);
        if (header == null) {
            return Optional.empty();
        }
        String name = new String(header.value(), StandardCharsets.UTF_8);
        Optional<Class<? extends LedgerEvent>> type = TYPES.get(name);
        if (type == null) {
            type = EventTypes.classOf(EventJson.currentType(name));
            type.ifPresent(known -> TYPES.putIfAbsent(name, Optional.of(known)));
        }
        return type;
    }

    private static ReceivedEvent decode(ConsumerRecord<String, byte[]> record) {
        EventEnvelope envelope = CloudEventsCodec.fromRecord(record);
        return new ReceivedEvent(envelope, record.topic(), record.partition(), record.offset());
    }

    /** The failure of the record at {@code index}, which carries its cause's message to the dead letter. */
    private static BatchListenerFailedException failed(RuntimeException cause, int index) {
        return new BatchListenerFailedException(rootMessage(cause), cause, index);
    }

    static String rootMessage(Throwable exception) {
        Throwable root = exception;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.toString();
    }

    private static Counter counter(MeterRegistry meters, String meterName, String outcome) {
        return Counter.builder("ledger.consumer.events")
                .description("Records a processing group received, by group and outcome (handled: decoded and"
                        + " handed to its handlers; skipped: no handler wants its type)")
                .tags("handler", meterName, "outcome", outcome)
                .register(meters);
    }
}
