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

    @Override
    public void handle(ReceivedEvent event) {
        received.add(event);
    }
}
