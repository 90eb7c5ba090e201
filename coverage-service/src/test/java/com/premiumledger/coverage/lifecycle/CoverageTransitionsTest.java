package com.premiumledger.coverage.lifecycle;

import static com.premiumledger.coverage.lifecycle.CoverageStatus.ACTIVE;
import static com.premiumledger.coverage.lifecycle.CoverageStatus.CANCELLED;
import static com.premiumledger.coverage.lifecycle.CoverageStatus.GRACE;
import static com.premiumledger.coverage.lifecycle.CoverageStatus.PENDING_PAYMENT;
import static com.premiumledger.coverage.lifecycle.CoverageStatus.SUSPENDED;
import static com.premiumledger.coverage.lifecycle.CoverageStatus.TERMINATED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

class CoverageTransitionsTest {

    final CoverageTransitions table = CoverageTransitions.standard();

    @ParameterizedTest(name = "{0} on {1} -> {2} ({3})")
    @CsvSource(nullValues = "NONE", value = {
            "NONE,            ENROLLMENT,                           PENDING_PAYMENT, ENROLLED",
            "PENDING_PAYMENT, BINDER_PAID,                          ACTIVE,          BINDER_PAID",
            "PENDING_PAYMENT, BINDER_DEADLINE_PASSED,               CANCELLED,       BINDER_NOT_PAID",
            "ACTIVE,          PAYMENT_MISSED,                       GRACE,           PAYMENT_MISSED",
            "GRACE,           PAST_DUE_PAID,                        ACTIVE,          PAID_IN_FULL",
            "SUSPENDED,       PAST_DUE_PAID,                        ACTIVE,          PAID_IN_FULL",
            "GRACE,           SUSPENSION_DATE_REACHED,              SUSPENDED,       GRACE_MONTH_1_ENDED",
            "GRACE,           GRACE_EXPIRED,                        TERMINATED,      GRACE_EXPIRED",
            "SUSPENDED,       GRACE_EXPIRED,                        TERMINATED,      GRACE_EXPIRED",
            "ACTIVE,          REINSTATEMENT_REVERSED_IN_GRACE,      GRACE,           PAYMENT_REVERSED",
            "ACTIVE,          REINSTATEMENT_REVERSED_IN_SUSPENSION, SUSPENDED,       PAYMENT_REVERSED",
            "ACTIVE,          REINSTATEMENT_REVERSED_AFTER_GRACE,   TERMINATED,      PAYMENT_REVERSED"})
    void everyRuleIsOneRow(CoverageStatus from, CoverageTrigger trigger, CoverageStatus to, CoverageReason reason) {
        assertThat(table.next(from, trigger)).contains(new Transition(to, reason));
    }

    @Test
    void whatTheRulesForbidHasNoRow() {
        // No grace on the binder.
        assertThat(table.next(PENDING_PAYMENT, CoverageTrigger.PAYMENT_MISSED)).isEmpty();
        // A miss during grace starts no new grace.
        assertThat(table.next(GRACE, CoverageTrigger.PAYMENT_MISSED)).isEmpty();
        assertThat(table.next(SUSPENDED, CoverageTrigger.PAYMENT_MISSED)).isEmpty();
        assertThat(table.next(SUSPENDED, CoverageTrigger.SUSPENSION_DATE_REACHED)).isEmpty();
        assertThat(table.next(ACTIVE, CoverageTrigger.GRACE_EXPIRED)).isEmpty();
        for (CoverageTrigger trigger : CoverageTrigger.values()) {
            assertThat(table.next(TERMINATED, trigger)).as("TERMINATED on " + trigger).isEmpty();
            assertThat(table.next(CANCELLED, trigger)).as("CANCELLED on " + trigger).isEmpty();
        }
        for (CoverageStatus status : CoverageStatus.values()) {
            assertThat(table.next(status, CoverageTrigger.ENROLLMENT)).isEmpty();
        }
    }

    @ParameterizedTest
    @EnumSource(CoverageStatus.class)
    void everyRowIsIdempotentAtItsTarget(CoverageStatus from) {
        for (CoverageTrigger trigger : CoverageTrigger.values()) {
            Optional<Transition> transition = table.next(from, trigger);
            transition.ifPresent(moved -> assertThat(table.next(moved.target(), trigger)).isEmpty());
        }
    }

    @Test
    void aTableThatWouldMoveTwiceOnTheSameTriggerIsRefused() {
        CoverageTransitions.Builder looping = CoverageTransitions.builder()
                .row(ACTIVE, CoverageTrigger.PAYMENT_MISSED, GRACE, CoverageReason.PAYMENT_MISSED)
                .row(GRACE, CoverageTrigger.PAYMENT_MISSED, SUSPENDED, CoverageReason.PAYMENT_MISSED);
        assertThatThrownBy(looping::build).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not idempotent");
    }

    @Test
    void aRowThatKeepsTheStatusComesTwiceOrLeavesAFinalStatusIsRefused() {
        assertThatThrownBy(() -> CoverageTransitions.builder()
                .row(ACTIVE, CoverageTrigger.PAST_DUE_PAID, ACTIVE, CoverageReason.PAID_IN_FULL).build())
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CoverageTransitions.builder()
                .row(ACTIVE, CoverageTrigger.PAYMENT_MISSED, GRACE, CoverageReason.PAYMENT_MISSED)
                .row(ACTIVE, CoverageTrigger.PAYMENT_MISSED, SUSPENDED, CoverageReason.PAYMENT_MISSED))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CoverageTransitions.builder()
                .row(TERMINATED, CoverageTrigger.PAST_DUE_PAID, ACTIVE, CoverageReason.PAID_IN_FULL).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("final");
    }
}
