package com.premiumledger.billing.calendar;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import com.premiumledger.billing.BillingProperties;
import com.premiumledger.events.DayClosed;
import com.premiumledger.platform.web.RuleViolation;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * The business calendar: time as events. Days close in order, one DayClosed each, so every consumer sees
 * every day pass exactly once whatever the wall clock says. Its state is one date, so it loads from a
 * snapshot of that date ({@link CalendarRepository}) rather than from every day it ever closed.
 */
@Aggregate(repository = CalendarConfiguration.REPOSITORY)
public class BusinessCalendar {

    @AggregateIdentifier
    private String calendarId;
    private LocalDate lastClosed;

    BusinessCalendar() {
        // For Axon: created by the first close, rebuilt from its events afterwards.
    }

    /** The calendar as of its last closed day: what a snapshot restores. */
    static BusinessCalendar restored(String calendarId, LocalDate lastClosed) {
        BusinessCalendar calendar = new BusinessCalendar();
        calendar.calendarId = calendarId;
        calendar.lastClosed = lastClosed;
        return calendar;
    }

    LocalDate lastClosed() {
        return lastClosed;
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    CloseDayResult handle(CloseDayCommand command, BillingProperties properties) {
        if (command.date() == null) {
            throw RuleViolation.invalid("date", "the day to close is required");
        }
        if (lastClosed == null) {
            apply(new DayClosed(command.date(), null, command.closedBy()));
            return new CloseDayResult(command.date(), List.of(command.date()));
        }
        if (!command.date().isAfter(lastClosed)) {
            return new CloseDayResult(lastClosed, List.of());
        }
        long days = ChronoUnit.DAYS.between(lastClosed, command.date());
        if (days > properties.daysPerCloseMax()) {
            throw RuleViolation.invalid("too-many-days", "closing " + command.date() + " would close " + days
                    + " days; one close covers at most " + properties.daysPerCloseMax());
        }
        List<LocalDate> closed = new ArrayList<>();
        for (LocalDate day = lastClosed.plusDays(1); !day.isAfter(command.date()); day = day.plusDays(1)) {
            apply(new DayClosed(day, day.minusDays(1), command.closedBy()));
            closed.add(day);
        }
        return new CloseDayResult(command.date(), closed);
    }

    @EventSourcingHandler
    void on(DayClosed event) {
        calendarId = DayClosed.STREAM_KEY;
        lastClosed = event.date();
    }
}
