package com.premiumledger.billing.calendar;

import java.time.LocalDate;
import java.util.List;

/** The business date after the close, and the days this close closed (none when it was already closed). */
record CloseDayResult(LocalDate businessDate, List<LocalDate> closedDays) {

    CloseDayResult {
        closedDays = List.copyOf(closedDays);
    }
}
