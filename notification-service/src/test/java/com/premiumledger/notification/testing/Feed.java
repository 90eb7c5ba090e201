package com.premiumledger.notification.testing;

import static org.awaitility.Awaitility.await;

import com.premiumledger.events.DayClosed;
import com.premiumledger.events.EventEnvelope;
import com.premiumledger.events.LedgerEvent;
import com.premiumledger.events.Topics;
import com.premiumledger.platform.testing.TestEvents;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.producer.RecordMetadata;

/**
 * Sends events as the other services publish them (each aggregate's sequence counted from 0, one DayClosed per day
 * on the calendar stream), keeps every envelope to redeliver later, and waits until the notification service's
 * consumers got past everything sent.
 */
public final class Feed {

    public static final Duration WAIT = Duration.ofSeconds(60);
    private static final Map<String, String> GROUP_BY_TOPIC = Map.of(
            Topics.BILLING, "notification-service.events",
            Topics.COVERAGE, "notification-service.events",
            Topics.PAYMENTS, "notification-service.events");

    /** One envelope as sent, with its topic. */
    public record Sent(String topic, EventEnvelope envelope) {
    }

    private final TestEvents events;
    private final Map<String, Long> sequences = new HashMap<>();
    private final Map<String, RecordMetadata> lastByPartition = new HashMap<>();
    private final List<Sent> sent = new ArrayList<>();
    /** The service has one business calendar for the whole JVM, so every Feed continues the same one. */
    private static long calendarSequence;
    private static LocalDate lastClosed;

    public Feed(TestEvents events) {
        this.events = events;
    }

    /** Sends on {@code topic} as the next event of aggregate {@code aggregateId}. */
    public EventEnvelope send(String topic, String aggregateId, LedgerEvent payload) {
        long sequence = sequences.merge(topic + "|" + aggregateId, 1L, Long::sum) - 1;
        EventEnvelope envelope = TestEvents.envelope(aggregateId, sequence, payload);
        record(topic, envelope);
        return envelope;
    }

    public EventEnvelope billing(String accountId, LedgerEvent payload) {
        return send(Topics.BILLING, accountId, payload);
    }

    public EventEnvelope coverage(String accountId, LedgerEvent payload) {
        return send(Topics.COVERAGE, accountId, payload);
    }

    public EventEnvelope payment(String paymentId, LedgerEvent payload) {
        return send(Topics.PAYMENTS, paymentId, payload);
    }

    /** One DayClosed per day through {@code date}, in order, as billing's calendar publishes them. */
    public void closeThrough(LocalDate date) {
        synchronized (Feed.class) {
            if (lastClosed != null && !date.isAfter(lastClosed)) {
                throw new IllegalStateException("the test calendar already closed " + lastClosed);
            }
            for (LocalDate day = lastClosed == null ? date : lastClosed.plusDays(1); !day.isAfter(date);
                 day = day.plusDays(1)) {
                EventEnvelope envelope = TestEvents.envelope(DayClosed.STREAM_KEY, calendarSequence++,
                        new DayClosed(day, lastClosed, "scheduler"));
                record(Topics.BILLING, envelope);
                lastClosed = day;
            }
        }
        settle();
    }

    /** Waits until every consumer got past every record sent so far. */
    public void settle() {
        Map<RecordMetadata, String> marks = new HashMap<>();
        lastByPartition.forEach((partition, metadata) -> marks.put(metadata, GROUP_BY_TOPIC.get(metadata.topic())));
        await().atMost(WAIT).until(() -> {
            for (Map.Entry<RecordMetadata, String> mark : marks.entrySet()) {
                if (!events.consumedPast(mark.getValue(), mark.getKey())) {
                    return false;
                }
            }
            return true;
        });
    }

    /** Sends everything again, exactly as it was first sent, and waits until it was consumed. */
    public void redeliverAll() {
        for (Sent again : List.copyOf(sent)) {
            RecordMetadata metadata = events.send(again.topic(), again.envelope());
            lastByPartition.put(metadata.topic() + "-" + metadata.partition(), metadata);
        }
        settle();
    }

    private void record(String topic, EventEnvelope envelope) {
        RecordMetadata metadata = events.send(topic, envelope);
        lastByPartition.put(metadata.topic() + "-" + metadata.partition(), metadata);
        sent.add(new Sent(topic, envelope));
    }
}
