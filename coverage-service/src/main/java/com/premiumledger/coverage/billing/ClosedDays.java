package com.premiumledger.coverage.billing;

import com.premiumledger.coverage.lifecycle.CoverageRulesProperties;
import com.premiumledger.events.DayClosed;
import java.time.LocalDate;
import org.springframework.stereotype.Component;

/**
 * A closed day, as one partition's copy of it, moves that partition's business date and judges, as of that day,
 * every account of the partition the calendar was reminded of for the days it closes: {@code (previousDate, date]},
 * at most {@code day-span-max} days back.
 */
@Component
class ClosedDays {

    private final CoverageCalendar calendar;
    private final AccountFactsStore facts;
    private final CoverageEvaluator evaluator;
    private final int daySpanMax;

    ClosedDays(CoverageCalendar calendar, AccountFactsStore facts, CoverageEvaluator evaluator,
               CoverageRulesProperties rules) {
        this.calendar = calendar;
        this.facts = facts;
        this.evaluator = evaluator;
        this.daySpanMax = rules.daySpanMax();
    }

    void closed(DayClosed closed, int partition, String eventId) {
        LocalDate date = closed.date();
        calendar.advanceTo(partition, date);
        LocalDate earliest = date.minusDays(daySpanMax - 1L);
        LocalDate from = closed.previousDate() == null || closed.previousDate().isBefore(earliest)
                ? earliest : closed.previousDate().plusDays(1);
        for (CoverageCalendar.Due due : calendar.due(partition, from, date)) {
            for (String accountId : due.accountIds()) {
                evaluator.evaluate(facts.load(accountId), partition, date, eventId, null);
            }
            calendar.done(partition, due.day());
        }
    }
}
