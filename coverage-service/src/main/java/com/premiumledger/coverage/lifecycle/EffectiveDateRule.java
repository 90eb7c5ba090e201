package com.premiumledger.coverage.lifecycle;

import java.time.LocalDate;

/** Which date a status change takes effect on. */
public enum EffectiveDateRule {
    /** The coverage start: the binder payment effectuates coverage from its first day, not from the day paid. */
    COVERAGE_START,
    /** The business date the triggering billing event carries (payment received, day the payment was missed). */
    TRIGGER_DATE;

    public LocalDate effectiveDate(LocalDate coverageStart, LocalDate triggerDate) {
        return this == COVERAGE_START ? coverageStart : triggerDate;
    }
}
