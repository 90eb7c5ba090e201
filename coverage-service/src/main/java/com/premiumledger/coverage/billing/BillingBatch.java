package com.premiumledger.coverage.billing;

import com.premiumledger.coverage.lifecycle.AccountFacts;
import com.premiumledger.coverage.lifecycle.CoverageState;
import com.premiumledger.events.DayClosed;
import com.premiumledger.platform.consumer.ReceivedEvent;
import com.premiumledger.platform.command.LedgerCommands.Cause;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * One poll batch of billing events, judged in memory between one read and one write per collection: the
 * accounts' facts and coverage states, the partitions' business dates and the time index. Each closed day adds
 * one read of its days and of the accounts they list that the batch had not read.
 *
 * <p>The guards: an account event at or below the account's {@code lastSequence} (a redelivery, or an older
 * event after newer ones) decides nothing; a closed day not after its partition's business date (a redelivered
 * copy) decides nothing. Both markers are written after the decisions they stand for (facts and dates last), so
 * a crash in between makes the redelivery decide again, which the aggregate refuses where it already applied.
 */
final class BillingBatch {

    private final AccountFactsStore factsStore;
    private final CoverageStates statesStore;
    private final CoverageCalendar calendar;
    private final CoverageEvaluator evaluator;
    private final int daySpanMax;

    private final Set<String> loaded = new LinkedHashSet<>();
    private final Map<String, AccountFacts> storedFacts = new HashMap<>();
    private final Map<String, AccountFacts> movedFacts = new LinkedHashMap<>();
    private final Map<String, CoverageState> storedStates = new HashMap<>();
    private final Map<String, CoverageState> movedStates = new LinkedHashMap<>();
    private final Map<Integer, LocalDate> businessDates = new HashMap<>();
    private final Map<Integer, LocalDate> closedDates = new HashMap<>();
    private final Map<CoverageCalendar.Day, Set<String>> reminders = new LinkedHashMap<>();
    private final Set<CoverageCalendar.Day> done = new LinkedHashSet<>();

    BillingBatch(AccountFactsStore factsStore, CoverageStates statesStore, CoverageCalendar calendar,
                 CoverageEvaluator evaluator, int daySpanMax) {
        this.factsStore = factsStore;
        this.statesStore = statesStore;
        this.calendar = calendar;
        this.evaluator = evaluator;
        this.daySpanMax = daySpanMax;
    }

    /**
     * Judges the events in order, then writes what they moved. Should one fail, what the events before it moved
     * is written first, so that the event-by-event retry that follows skips them.
     */
    void run(List<ReceivedEvent> events) {
        Set<String> accountIds = new LinkedHashSet<>();
        Set<Integer> partitions = new TreeSet<>();
        for (ReceivedEvent event : events) {
            partitions.add(event.partition());
            BillingEventsHandler.fold(event.payload()).ifPresent(fold -> accountIds.add(fold.accountId()));
        }
        load(accountIds);
        businessDates.putAll(calendar.businessDates(partitions));
        try {
            events.forEach(this::handle);
        } catch (RuntimeException failure) {
            try {
                write();
            } catch (RuntimeException alsoFailed) {
                failure.addSuppressed(alsoFailed);
            }
            throw failure;
        }
        write();
    }

    private void handle(ReceivedEvent event) {
        if (event.payload() instanceof DayClosed closed) {
            close(closed, event.partition(), Cause.of(event));
            return;
        }
        BillingEventsHandler.fold(event.payload()).ifPresent(fold -> {
            AccountFacts before = facts(fold.accountId());
            if (event.sequence() <= before.lastSequence()) {
                return;
            }
            AccountFacts now = fold.change().apply(before).applied(event.sequence());
            LocalDate asOf = fold.eventDate() != null ? fold.eventDate() : now.clockDate();
            judge(now, event.partition(), asOf, Cause.of(event), fold.paymentId(),
                    businessDates.get(event.partition()));
            movedFacts.put(now.accountId(), now);
        });
    }

    /**
     * One partition's copy of a closed day: judges, as of that day, every account of the partition the calendar
     * was reminded of for the days it closes, {@code (previousDate, date]}, at most {@code day-span-max} back.
     */
    private void close(DayClosed closed, int partition, Cause cause) {
        LocalDate date = closed.date();
        LocalDate closedThrough = businessDates.get(partition);
        if (closedThrough != null && !date.isAfter(closedThrough)) {
            return;
        }
        LocalDate earliest = date.minusDays(daySpanMax - 1L);
        LocalDate from = closed.previousDate() == null || closed.previousDate().isBefore(earliest)
                ? earliest : closed.previousDate().plusDays(1);
        Map<LocalDate, Set<String>> due = due(partition, from, date);
        due.values().forEach(this::load);
        due.forEach((day, accountIds) -> {
            for (String accountId : accountIds) {
                judge(facts(accountId), partition, date, cause, null, date);
            }
            CoverageCalendar.Day finished = new CoverageCalendar.Day(partition, day);
            reminders.remove(finished);
            done.add(finished);
        });
        businessDates.put(partition, date);
        closedDates.put(partition, date);
    }

    /** The stored days of the range and the reminders this batch made for it, by day, accounts sorted. */
    private Map<LocalDate, Set<String>> due(int partition, LocalDate from, LocalDate to) {
        Map<LocalDate, Set<String>> due = new TreeMap<>();
        calendar.due(partition, from, to).forEach((day, accountIds) -> {
            if (!done.contains(new CoverageCalendar.Day(partition, day))) {
                due.computeIfAbsent(day, ignored -> new TreeSet<>()).addAll(accountIds);
            }
        });
        reminders.forEach((day, accountIds) -> {
            if (day.partition() == partition && !day.date().isBefore(from) && !day.date().isAfter(to)) {
                due.computeIfAbsent(day.date(), ignored -> new TreeSet<>()).addAll(accountIds);
            }
        });
        return due;
    }

    /**
     * Judges one account and reminds the calendar of the next day time alone may move it. A day already closed
     * on the partition ({@code closedThrough}) will not close again, so a look that is already due waits for the
     * next close.
     */
    private void judge(AccountFacts facts, int partition, LocalDate asOf, Cause cause, String paymentId,
                       LocalDate closedThrough) {
        if (!facts.known()) {
            return;
        }
        CoverageState before = state(facts.accountId());
        CoverageState after = evaluator.evaluate(facts, before, asOf, cause, paymentId);
        if (after != before) {
            movedStates.put(facts.accountId(), after);
        }
        evaluator.nextLook(facts, after).ifPresent(day -> {
            LocalDate look = closedThrough != null && !day.isAfter(closedThrough) ? closedThrough.plusDays(1) : day;
            reminders.computeIfAbsent(new CoverageCalendar.Day(partition, look), ignored -> new TreeSet<>())
                    .add(facts.accountId());
        });
    }

    private AccountFacts facts(String accountId) {
        AccountFacts moved = movedFacts.get(accountId);
        return moved != null ? moved : storedFacts.getOrDefault(accountId, AccountFacts.none(accountId));
    }

    private CoverageState state(String accountId) {
        CoverageState moved = movedStates.get(accountId);
        return moved != null ? moved : storedStates.getOrDefault(accountId, CoverageState.none());
    }

    /** Reads the facts and states of the accounts not read yet: one {@code $in} read each. */
    private void load(Collection<String> accountIds) {
        List<String> missing = accountIds.stream().filter(accountId -> !loaded.contains(accountId)).toList();
        if (missing.isEmpty()) {
            return;
        }
        storedFacts.putAll(factsStore.loadAll(missing));
        storedStates.putAll(statesStore.loadAll(missing));
        loaded.addAll(missing);
    }

    /** States and the time index first, then the markers: the facts' sequences and the business dates. */
    private void write() {
        statesStore.saveAll(storedStates, movedStates);
        calendar.remindAndForget(reminders, done);
        factsStore.saveAll(storedFacts, movedFacts.values());
        calendar.closeThrough(closedDates);
        storedStates.putAll(movedStates);
        movedStates.clear();
        reminders.clear();
        done.clear();
        storedFacts.putAll(movedFacts);
        movedFacts.clear();
        closedDates.clear();
    }
}
