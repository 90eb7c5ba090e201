package com.premiumledger.billing.calendar;

import java.time.LocalDate;

/** The {@code calendar_view} document: the business date as of the last DayClosed projected. */
record CalendarView(LocalDate businessDate, long lastSequence) {
}
