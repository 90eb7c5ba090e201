package com.premiumledger.coverage.lifecycle;

import java.time.LocalDate;
import java.util.Objects;

/**
 * A grace period: paying every past-due amount by {@code end} returns the account to ACTIVE.
 *
 * @param suspendFrom first day claims are pended (APTC grace month 2); null when the program never suspends
 */
public record GracePeriod(LocalDate start, LocalDate end, LocalDate suspendFrom) {

    public GracePeriod {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        if (end.isBefore(start)) {
            throw new IllegalArgumentException("a grace period ends on or after its start: " + start + ".." + end);
        }
    }

    /** True once {@code date} is past the last day of grace: the grace has run out. */
    public boolean ranOutBy(LocalDate date) {
        return date.isAfter(end);
    }

    public boolean suspendedOn(LocalDate date) {
        return suspendFrom != null && !date.isBefore(suspendFrom) && !ranOutBy(date);
    }
}
