package com.premiumledger.coverage.lifecycle;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Objects;

/**
 * One bill as coverage needs it: what it covers, when it was due, what is still open, and whether billing
 * recorded it as missed (the due date after any extension comes with that record).
 */
public record BillFact(String billId, YearMonth coverageMonth, LocalDate dueDate, long amountDueCents,
                       long openCents, boolean missed) {

    public BillFact {
        Objects.requireNonNull(billId, "billId");
        Objects.requireNonNull(coverageMonth, "coverageMonth");
        Objects.requireNonNull(dueDate, "dueDate");
        if (amountDueCents < 0 || openCents < 0) {
            throw new IllegalArgumentException("bill amounts are never negative: " + billId);
        }
    }

    /** Past due on {@code asOf}: money open, and either due before that day or already recorded as missed. */
    public boolean pastDue(LocalDate asOf) {
        return openCents > 0 && (missed || asOf != null && dueDate.isBefore(asOf));
    }

    public BillFact withOpen(long newOpenCents) {
        return new BillFact(billId, coverageMonth, dueDate, amountDueCents, newOpenCents, missed);
    }
}
