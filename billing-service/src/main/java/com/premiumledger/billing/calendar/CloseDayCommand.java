package com.premiumledger.billing.calendar;

import com.premiumledger.events.DayClosed;
import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Closes {@code date} and every earlier day not yet closed. */
record CloseDayCommand(LocalDate date, String closedBy) {

    /** There is one calendar; its stream key is its identity. */
    @TargetAggregateIdentifier
    public String calendarId() {
        return DayClosed.STREAM_KEY;
    }
}
