package com.premiumledger.coverage.lifecycle;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.LocalDate;
import java.time.YearMonth;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * One program's grace rule, as configuration (premium.coverage.rules.programs.&lt;PROGRAM&gt;).
 *
 * @param graceBasis what the grace period is counted in
 * @param graceLength coverage months (COVERAGE_MONTHS: grace month 1 is the missed bill's coverage month) or
 *     days after the missed due date (DAYS_AFTER_DUE_DATE)
 * @param suspendFromGraceMonth grace month from whose first day claims are pended (SUSPENDED); 0 = never
 * @param termination which day a termination after unpaid grace takes effect
 * @param binderDeadlineDaysAfterStart days after the coverage start by which the binder must be paid; after
 *     that day closes unpaid, coverage is CANCELLED
 */
public record ProgramRule(
        @NotNull GraceBasis graceBasis,
        @Min(1) @Max(366) int graceLength,
        @Min(0) @Max(12) @DefaultValue("0") int suspendFromGraceMonth,
        @NotNull TerminationRule termination,
        @Min(0) @Max(366) @DefaultValue("0") int binderDeadlineDaysAfterStart) {

    public enum GraceBasis { COVERAGE_MONTHS, DAYS_AFTER_DUE_DATE }

    public enum TerminationRule {
        /** 45 CFR 156.270: the last day of grace month 1 (claims there were paid). */
        END_OF_GRACE_MONTH_1,
        /** State rule (956 CMR 12.12): the last day of the last fully paid coverage month. */
        LAST_FULLY_PAID_MONTH
    }

    public ProgramRule {
        // Month-based rules make no sense for a grace period counted in days: refuse them at start-up.
        if (graceBasis != GraceBasis.COVERAGE_MONTHS && suspendFromGraceMonth > 0) {
            throw new IllegalArgumentException("suspend-from-grace-month needs grace-basis COVERAGE_MONTHS");
        }
        if (graceBasis != GraceBasis.COVERAGE_MONTHS && termination == TerminationRule.END_OF_GRACE_MONTH_1) {
            throw new IllegalArgumentException("termination END_OF_GRACE_MONTH_1 needs grace-basis COVERAGE_MONTHS");
        }
        if (suspendFromGraceMonth == 1 || suspendFromGraceMonth > graceLength) {
            throw new IllegalArgumentException("suspend-from-grace-month is 0 (never) or 2.." + graceLength
                    + ", not " + suspendFromGraceMonth);
        }
    }

    /** The grace period a missed bill starts. */
    public GracePeriod graceFor(BillFact missedBill) {
        if (graceBasis == GraceBasis.DAYS_AFTER_DUE_DATE) {
            LocalDate due = missedBill.dueDate();
            return new GracePeriod(due.plusDays(1), due.plusDays(graceLength), null);
        }
        return graceFrom(missedBill.coverageMonth().atDay(1), missedBill.coverageMonth().plusMonths(graceLength - 1)
                .atEndOfMonth());
    }

    /** A grace period known by its dates (from the coverage state), with this rule's suspension date. */
    public GracePeriod graceFrom(LocalDate start, LocalDate end) {
        LocalDate suspendFrom = suspendFromGraceMonth == 0 ? null
                : YearMonth.from(start).plusMonths(suspendFromGraceMonth - 1).atDay(1);
        return new GracePeriod(start, end, suspendFrom);
    }

    /** The day a termination after {@code grace} takes effect; before the coverage start when nothing was paid. */
    public LocalDate terminationEffective(GracePeriod grace, LocalDate paidThroughDate, LocalDate coverageStart) {
        if (termination == TerminationRule.END_OF_GRACE_MONTH_1) {
            return YearMonth.from(grace.start()).atEndOfMonth();
        }
        return paidThroughDate != null ? paidThroughDate : coverageStart.minusDays(1);
    }

    /** The last day on which the binder may be paid. */
    public LocalDate binderDeadline(LocalDate coverageStart) {
        return coverageStart.plusDays(binderDeadlineDaysAfterStart);
    }
}
