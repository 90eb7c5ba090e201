package com.premiumledger.platform.testapp;

import com.premiumledger.events.Topics;
import com.premiumledger.platform.consumer.EventStreamHandler;
import com.premiumledger.platform.consumer.ReceivedEvent;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.springframework.stereotype.Component;

@Component
class RecordingHandler implements EventStreamHandler {

    final List<ReceivedEvent> received = new CopyOnWriteArrayList<>();

    @Override
    public String name() {
        return "recording";
    }

    @Override
    public List<String> topics() {
        return List.of(Topics.BILLING);
    }

    /** While set, events of accounts whose holder is "Poison Pill" fail, as a bug would make them. */
    volatile boolean poisonFails = true;

    @Override
    public void handle(ReceivedEvent event) {
        if (poisonFails && event.payload() instanceof com.premiumledger.events.AccountOpened opened
                && "Poison Pill".equals(opened.holderName())) {
            throw new IllegalStateException("cannot handle the poison pill");
        }
        // Its own guard, as every handler has one: an event already recorded is not recorded again.
        boolean seen = received.stream().anyMatch(earlier -> earlier.aggregateId().equals(event.aggregateId())
                && earlier.sequence() == event.sequence());
        if (!seen) {
            received.add(event);
        }
    }
}
