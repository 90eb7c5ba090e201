package com.premiumledger.notification.trigger;

import com.premiumledger.events.DayClosed;
import com.premiumledger.notification.NotificationProperties;
import com.premiumledger.notification.account.AccountRecord;
import com.premiumledger.notification.account.AccountStates.Change;
import com.premiumledger.notification.account.AccountStates;
import com.premiumledger.notification.account.BusinessCalendar.CalendarState;
import com.premiumledger.notification.account.BusinessCalendar;
import com.premiumledger.notification.account.Wakeups;
import com.premiumledger.notification.member.Member;
import com.premiumledger.notification.member.MemberDirectory;
import com.premiumledger.notification.notice.NoticeFacts;
import com.premiumledger.notification.notice.NoticeIssuer;
import com.premiumledger.notification.trigger.TriggerBatch.Evaluate;
import com.premiumledger.notification.trigger.TriggerBatch.Issue;
import com.premiumledger.notification.trigger.TriggerBatch.Step;
import com.premiumledger.platform.command.LedgerCommands.Cause;
import com.premiumledger.platform.consumer.ReceivedEvent;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import org.springframework.stereotype.Component;

/**
 * Where triggers hand their batches: reads what a batch needs once, and completes it in the order that loses no
 * notice and issues none twice. A notice's facts are written before it is issued, and issuing is once per notice
 * id whatever is redelivered (the Notice aggregate refuses a second one).
 */
@Component
class NoticeDesk {

    /** Accounts a day close reads and evaluates at a time: a due date shared by many must not make one huge read. */
    private static final int WOKEN_PER_READ = 500;

    private final NoticeIssuer issuer;
    private final NoticeFacts facts;
    private final MemberDirectory members;
    private final AccountStates states;
    private final BusinessCalendar calendar;
    private final Wakeups wakeups;
    private final NotificationProperties properties;

    NoticeDesk(NoticeIssuer issuer, NoticeFacts facts, MemberDirectory members, AccountStates states,
               BusinessCalendar calendar, Wakeups wakeups, NotificationProperties properties) {
        this.issuer = issuer;
        this.facts = facts;
        this.members = members;
        this.states = states;
        this.calendar = calendar;
        this.wakeups = wakeups;
        this.properties = properties;
    }

    int billsMax() {
        return states.billsMax();
    }

    /** A batch over these accounts: their records, members and the last closed day, one read each. */
    TriggerBatch open(Collection<String> accountIds) {
        Optional<LocalDate> closedBefore = calendar.lastClosed();
        return new TriggerBatch(states.findAll(accountIds), members.findAll(accountIds), closedBefore);
    }

    /**
     * Completes a folded batch. The accounts are registered for the days their rules may fall due, then the
     * rules are evaluated against the last closed day read after that: either this sees a day that closed
     * meanwhile, or that day's close sees the registration. Every notice is issued before the records are saved,
     * so a batch that fails before saving is folded again in full and nothing is lost. Should a day close between
     * the evaluation and the save (that close may have read the records as they were), the rules are evaluated
     * once more against it. {@code save} stores the side the trigger folded; false when a guard did not hold.
     */
    void complete(TriggerBatch batch, Predicate<List<Change>> save, Map<String, Cause> causes) {
        if (batch.isEmpty()) {
            return;
        }
        wakeups.addAll(wakeDays(batch));
        Optional<LocalDate> closed = calendar.lastClosed();
        issueAll(decide(batch, batch.steps(), closed.orElse(null)), causes);
        if (!save.test(batch.changes())) {
            throw new IllegalStateException("an account's notice state changed while a batch was folded;"
                    + " its events are handled again one by one");
        }
        Optional<LocalDate> closedAfterSave = calendar.lastClosed();
        if (!closedAfterSave.equals(closed)) {
            List<Step> evaluations = batch.steps().stream().filter(Evaluate.class::isInstance).toList();
            issueAll(decide(batch, evaluations, closedAfterSave.orElse(null)), causes);
        }
    }

    /**
     * Issues each notice once (the first decision for an id wins). Its facts are written first, in one write that
     * also tells which notices were decided before; of those, the ones marked issued are left alone (one read,
     * only when there are any). The rest are issued and then marked issued in one more write. A notice issued but
     * not yet marked when a batch failed is refused by its aggregate when asked again.
     */
    void issueAll(List<NoticeDecision> decisions, Map<String, Cause> causes) {
        Map<String, NoticeDecision> unique = new LinkedHashMap<>();
        decisions.forEach(decision -> unique.putIfAbsent(decision.noticeId(), decision));
        if (unique.isEmpty()) {
            return;
        }
        Map<String, Map<String, String>> factsById = new LinkedHashMap<>();
        unique.forEach((noticeId, decision) -> factsById.put(noticeId, decision.facts()));
        Set<String> decidedBefore = new LinkedHashSet<>(unique.keySet());
        decidedBefore.removeAll(facts.saveAll(factsById));
        if (!decidedBefore.isEmpty()) {
            unique.keySet().removeAll(facts.issuedAmong(decidedBefore));
        }
        for (NoticeDecision decision : unique.values()) {
            String trigger = decision.command().triggerEventId();
            issuer.issue(decision.command(), causes.getOrDefault(trigger, new Cause(null, trigger)));
        }
        facts.markIssued(unique.keySet());
    }

    /** The events of a batch by id, so that each notice continues the correlation of the event behind it. */
    static Map<String, Cause> causes(List<ReceivedEvent> events) {
        Map<String, Cause> causes = new HashMap<>();
        events.forEach(event -> causes.put(event.eventId(), Cause.of(event)));
        return causes;
    }

    Map<String, Member> members(Collection<String> accountIds) {
        return members.findAll(accountIds);
    }

    /**
     * Moves the calendar first, then wakes the accounts registered for the days this close covers (from the day
     * after the previous close): an account that registers meanwhile sees the new day itself (see
     * {@link #complete}). Once every woken account was evaluated, the close is recorded as handled, so that the
     * same DayClosed seen again (redelivered, republished, or an older one after newer ones) does nothing; one
     * that failed before that is handled again in full, which issues nothing twice (notice ids).
     */
    void dayClosed(DayClosed day, long sequence, Cause cause) {
        CalendarState before = calendar.read();
        if (sequence <= before.handledSequence()) {
            return;
        }
        calendar.closed(day.date());
        LocalDate today = before.lastClosed().filter(last -> last.isAfter(day.date())).orElse(day.date());
        LocalDate earliest = day.date().minusDays(properties.wakeupScanDaysMax() - 1L);
        LocalDate from = Optional.ofNullable(day.previousDate()).map(previous -> previous.plusDays(1))
                .filter(next -> next.isAfter(earliest)).orElse(earliest);
        List<String> accountIds = List.copyOf(wakeups.accountsFor(from, day.date()));
        for (int start = 0; start < accountIds.size(); start += WOKEN_PER_READ) {
            wake(accountIds.subList(start, Math.min(accountIds.size(), start + WOKEN_PER_READ)), today, cause);
        }
        wakeups.forget(from, day.date());
        calendar.handled(sequence);
    }

    /** Evaluates the calendar rules of woken accounts against {@code today}: one read each of states and members. */
    private void wake(List<String> accountIds, LocalDate today, Cause cause) {
        Map<String, AccountRecord> records = states.findAll(accountIds);
        TriggerBatch batch = new TriggerBatch(records, members.findAll(accountIds), Optional.of(today));
        accountIds.forEach(accountId -> batch.evaluateNow(accountId, cause.eventId()));
        issueAll(decide(batch, batch.steps(), today), Map.of(cause.eventId(), cause));
    }

    /** The notices the steps ask for, the calendar rules evaluated against {@code lastClosed}. */
    private List<NoticeDecision> decide(TriggerBatch batch, List<Step> steps, LocalDate lastClosed) {
        List<NoticeDecision> decisions = new ArrayList<>();
        for (Step step : steps) {
            if (step instanceof Issue issue) {
                decisions.add(issue.decision());
            } else if (step instanceof Evaluate evaluate) {
                String accountId = evaluate.state().accountId();
                decisions.addAll(TimeRules.due(evaluate.state(), lastClosed, batch.channelFor(accountId),
                        evaluate.eventId(), properties));
            }
        }
        return decisions;
    }

    /** The days after the last closed one on which each evaluated account's rules may next fall due. */
    private Map<String, Set<LocalDate>> wakeDays(TriggerBatch batch) {
        Optional<LocalDate> closedBefore = batch.closedBefore();
        Map<String, Set<LocalDate>> days = new LinkedHashMap<>();
        for (Step step : batch.steps()) {
            if (step instanceof Evaluate evaluate) {
                for (LocalDate day : TimeRules.wakeDays(evaluate.state(), properties)) {
                    if (closedBefore.isEmpty() || day.isAfter(closedBefore.get())) {
                        days.computeIfAbsent(evaluate.state().accountId(), id -> new TreeSet<>()).add(day);
                    }
                }
            }
        }
        return days;
    }
}
