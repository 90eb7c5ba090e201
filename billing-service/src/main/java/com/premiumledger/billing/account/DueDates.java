package com.premiumledger.billing.account;

import java.time.LocalDate;
import java.time.YearMonth;

/** Where a bill's due date comes from when nobody gave one. */
public final class DueDates {

    private DueDates() {
    }

    /** The configured day of the month before the coverage month: members pay ahead of coverage. */
    public static LocalDate defaultFor(YearMonth coverageMonth, int dueDayOfMonth) {
        return coverageMonth.minusMonths(1).atDay(dueDayOfMonth);
    }

    public static LocalDate resolve(YearMonth coverageMonth, LocalDate dueDate, int dueDayOfMonth) {
        return dueDate != null ? dueDate : defaultFor(coverageMonth, dueDayOfMonth);
    }

    public static String billId(String accountId, YearMonth coverageMonth) {
        return accountId + "-" + coverageMonth;
    }
}
