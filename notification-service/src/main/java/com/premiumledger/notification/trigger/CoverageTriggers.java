package com.premiumledger.notification.trigger;

import com.premiumledger.events.CoverageStatusChanged;
import com.premiumledger.events.Topics;
import com.premiumledger.notification.account.AccountStates;
import com.premiumledger.platform.consumer.EventStreamHandler;
import com.premiumledger.platform.consumer.ReceivedEvent;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Coverage changes, each account's in order: past-due warning when grace starts, suspension, termination,
 * reinstatement; and the grace dates the termination warnings are counted from.
 */
@Component
class CoverageTriggers implements EventStreamHandler {

    private final AccountStates states;
    private final NoticeDesk desk;

    CoverageTriggers(AccountStates states, NoticeDesk desk) {
        this.states = states;
        this.desk = desk;
    }

    @Override
    public String name() {
        return "coverage-triggers";
    }

    @Override
    public List<String> topics() {
        return List.of(Topics.COVERAGE);
    }

    @Override
    public void handle(ReceivedEvent event) {
        if (!(event.payload() instanceof CoverageStatusChanged change)) {
            return;
        }
        states.coverage(change);
        NoticeTriggers.coverageChanged(change, event.eventId(), desk.channelFor(change.accountId()),
                states.find(change.accountId())).ifPresent(desk::issue);
        desk.evaluate(change.accountId(), event.eventId());
    }
}
