package com.premiumledger.coverage.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class CoverageTransitionsTest {

    final CoverageTransitions table = CoverageTransitions.standard();

    @Test
    void enrollmentStartsPendingPaymentFromTheCoverageStart() {
        assertThat(table.next(null, CoverageTrigger.ENROLLMENT)).contains(new Transition(
                CoverageStatus.PENDING_PAYMENT, CoverageReason.ENROLLED, EffectiveDateRule.COVERAGE_START));
    }

    @Test
    void theBinderPaidEffectuatesCoverageFromItsStart() {
        assertThat(table.next(CoverageStatus.PENDING_PAYMENT, CoverageTrigger.BILL_PAID_IN_FULL)).contains(
                new Transition(CoverageStatus.ACTIVE, CoverageReason.BINDER_PAID, EffectiveDateRule.COVERAGE_START));
    }

    @Test
    void aMissedPaymentStartsGraceOnTheBusinessDate() {
        assertThat(table.next(CoverageStatus.ACTIVE, CoverageTrigger.PAYMENT_MISSED)).contains(
                new Transition(CoverageStatus.GRACE, CoverageReason.PAYMENT_MISSED, EffectiveDateRule.TRIGGER_DATE));
    }

    @Test
    void payingEverythingDuringGraceReinstatesOnTheDayReceived() {
        assertThat(table.next(CoverageStatus.GRACE, CoverageTrigger.ACCOUNT_PAID_IN_FULL)).contains(
                new Transition(CoverageStatus.ACTIVE, CoverageReason.PAID_IN_FULL, EffectiveDateRule.TRIGGER_DATE));
    }

    @Test
    void nothingElseMoves() {
        assertThat(table.next(CoverageStatus.PENDING_PAYMENT, CoverageTrigger.PAYMENT_MISSED)).isEmpty();
        assertThat(table.next(CoverageStatus.PENDING_PAYMENT, CoverageTrigger.ACCOUNT_PAID_IN_FULL)).isEmpty();
        assertThat(table.next(CoverageStatus.GRACE, CoverageTrigger.BILL_PAID_IN_FULL)).isEmpty();
        assertThat(table.next(CoverageStatus.ACTIVE, CoverageTrigger.BILL_PAID_IN_FULL)).isEmpty();
        assertThat(table.next(CoverageStatus.ACTIVE, CoverageTrigger.ACCOUNT_PAID_IN_FULL)).isEmpty();
        assertThat(table.next(null, CoverageTrigger.PAYMENT_MISSED)).isEmpty();
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
    void theFirstTriggerThatMovesWins() {
        List<CoverageTrigger> paidEverything =
                List.of(CoverageTrigger.BILL_PAID_IN_FULL, CoverageTrigger.ACCOUNT_PAID_IN_FULL);
        assertThat(table.first(CoverageStatus.PENDING_PAYMENT, paidEverything).map(Transition::reason))
                .contains(CoverageReason.BINDER_PAID);
        assertThat(table.first(CoverageStatus.GRACE, paidEverything).map(Transition::reason))
                .contains(CoverageReason.PAID_IN_FULL);
        assertThat(table.first(CoverageStatus.ACTIVE, paidEverything)).isEmpty();
        assertThat(table.first(CoverageStatus.GRACE, List.of())).isEmpty();
    }

    @Test
    void effectiveDateRulesPickTheirDate() {
        LocalDate start = LocalDate.of(2027, 1, 1);
        LocalDate trigger = LocalDate.of(2027, 3, 5);
        assertThat(EffectiveDateRule.COVERAGE_START.effectiveDate(start, trigger)).isEqualTo(start);
        assertThat(EffectiveDateRule.TRIGGER_DATE.effectiveDate(start, trigger)).isEqualTo(trigger);
    }

    @Test
    void aTableThatWouldMoveTwiceOnTheSameTriggerIsRefused() {
        CoverageTransitions.Builder looping = CoverageTransitions.builder()
                .row(CoverageStatus.ACTIVE, CoverageTrigger.PAYMENT_MISSED, CoverageStatus.GRACE,
                        CoverageReason.PAYMENT_MISSED, EffectiveDateRule.TRIGGER_DATE)
                .row(CoverageStatus.GRACE, CoverageTrigger.PAYMENT_MISSED, CoverageStatus.SUSPENDED,
                        CoverageReason.PAYMENT_MISSED, EffectiveDateRule.TRIGGER_DATE);
        assertThatThrownBy(looping::build).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not idempotent");
    }

    @Test
    void aRowThatKeepsTheStatusOrComesTwiceIsRefused() {
        assertThatThrownBy(() -> CoverageTransitions.builder().row(CoverageStatus.ACTIVE,
                CoverageTrigger.BILL_PAID_IN_FULL, CoverageStatus.ACTIVE, CoverageReason.PAID_IN_FULL,
                EffectiveDateRule.TRIGGER_DATE).build()).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CoverageTransitions.builder()
                .row(CoverageStatus.ACTIVE, CoverageTrigger.PAYMENT_MISSED, CoverageStatus.GRACE,
                        CoverageReason.PAYMENT_MISSED, EffectiveDateRule.TRIGGER_DATE)
                .row(CoverageStatus.ACTIVE, CoverageTrigger.PAYMENT_MISSED, CoverageStatus.SUSPENDED,
                        CoverageReason.PAYMENT_MISSED, EffectiveDateRule.TRIGGER_DATE))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
