package com.premiumledger.notification.trigger;

import com.premiumledger.events.CoverageStatusChanged;
import com.premiumledger.events.LedgerEvent;
import com.premiumledger.events.Topics;
import com.premiumledger.notification.account.AccountRecord.CoverageSide;
import com.premiumledger.notification.account.AccountRecord;
import com.premiumledger.notification.account.AccountState.CoverageFact;
import com.premiumledger.notification.account.AccountStates;
import com.premiumledger.platform.consumer.EventStreamHandler;
import com.premiumledger.platform.consumer.ReceivedEvent;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * Coverage changes: past-due warning when grace starts, suspension, termination, reinstatement; and the grace
 * dates the termination warnings are counted from, kept as the coverage side of each account's notice state.
 *
 * <p>Guard: a change at or below the coverage side's {@code lastSequence} (the account's coverage stream) was
 * applied already and is skipped, notice and all. A batch is folded with one read and one write.
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
    public Set<Class<? extends LedgerEvent>> eventTypes() {
        return Set.of(CoverageStatusChanged.class);
    }

    @Override
    public void handle(ReceivedEvent event) {
        handleAll(List.of(event));
    }

    @Override
    public void handleAll(List<ReceivedEvent> events) {
        List<ReceivedEvent> changes = events.stream()
                .filter(event -> event.payload() instanceof CoverageStatusChanged).toList();
        if (changes.isEmpty()) {
            return;
        }
        Set<String> accountIds = new LinkedHashSet<>();
        changes.forEach(event -> accountIds.add(((CoverageStatusChanged) event.payload()).accountId()));
        TriggerBatch batch = desk.open(accountIds);
        for (ReceivedEvent event : changes) {
            CoverageStatusChanged change = (CoverageStatusChanged) event.payload();
            AccountRecord before = batch.record(change.accountId());
            if (event.sequence() <= before.coverage().lastSequence()) {
                continue;
            }
            batch.update(before.withCoverage(fold(before.coverage(), change, event.sequence())));
            NoticeTriggers.coverageChanged(change, event.eventId(), batch.channelFor(change.accountId()),
                    batch.record(change.accountId()).state()).ifPresent(batch::issue);
            batch.evaluateNow(change.accountId(), event.eventId());
        }
        desk.complete(batch, states::saveCoverage, NoticeDesk.causes(events));
    }

    /** The new status and its dates; the program stays as last named when a change names none. */
    private static CoverageSide fold(CoverageSide before, CoverageStatusChanged change, long sequence) {
        CoverageFact coverage = new CoverageFact(change.toStatus(), change.effectiveDate(), change.graceStart(),
                change.graceEnd(), change.terminationEffectiveDate());
        return new CoverageSide(change.program() != null ? change.program() : before.program(), coverage, sequence);
    }
}
