package com.premiumledger.coverage.billing;

import static com.premiumledger.coverage.lifecycle.CoverageStatus.ACTIVE;
import static com.premiumledger.coverage.lifecycle.CoverageStatus.CANCELLED;
import static com.premiumledger.coverage.lifecycle.CoverageStatus.GRACE;
import static com.premiumledger.coverage.lifecycle.CoverageStatus.PENDING_PAYMENT;
import static com.premiumledger.coverage.lifecycle.CoverageStatus.SUSPENDED;
import static com.premiumledger.coverage.lifecycle.CoverageStatus.TERMINATED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.premiumledger.coverage.lifecycle.CoverageDecision;
import com.premiumledger.coverage.lifecycle.CoverageReason;
import com.premiumledger.coverage.lifecycle.CoverageStatus;
import com.premiumledger.coverage.lifecycle.ProgramRule;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/**
 * Every rule of issue 4 through the one decision function, with the exact dates of its two worked examples.
 * Coverage from 2027-01-01; each month's bill is due on the 23rd of the month before.
 */
class CoverageRulesTest {

    static final LocalDate START = LocalDate.of(2027, 1, 1);

    static LocalDate date(String iso) {
        return LocalDate.parse(iso);
    }

    /** January paid on 2026-12-20, February (due 2027-01-23) missed when 2027-01-24 closes. */
    static Timeline inGrace(String program) {
        Timeline timeline = new Timeline().open(program, START).bill("2027-01").bill("2027-02")
                .close(date("2026-12-20")).pay("P-jan", date("2026-12-20"), "2027-01")
                .closeDays(date("2026-12-20"), date("2027-01-23"))
                .missed("2027-02", date("2027-01-24")).close(date("2027-01-24"));
        return timeline;
    }

    static void assertChange(CoverageDecision change, CoverageStatus from, CoverageStatus to, CoverageReason reason,
                             String effective, String graceStart, String graceEnd, String paidThrough,
                             String termination) {
        assertThat(change.from()).isEqualTo(from);
        assertThat(change.to()).isEqualTo(to);
        assertThat(change.reason()).isEqualTo(reason);
        assertThat(change.effectiveDate()).isEqualTo(effective == null ? null : date(effective));
        assertThat(change.graceStart()).isEqualTo(graceStart == null ? null : date(graceStart));
        assertThat(change.graceEnd()).isEqualTo(graceEnd == null ? null : date(graceEnd));
        assertThat(change.paidThroughDate()).isEqualTo(paidThrough == null ? null : date(paidThrough));
        assertThat(change.terminationEffectiveDate()).isEqualTo(termination == null ? null : date(termination));
    }

    @Test
    void aptcExample_graceSuspensionThenPaidInFull() {
        Timeline aptc = inGrace("APTC");
        assertChange(aptc.changes.get(0), null, PENDING_PAYMENT, CoverageReason.ENROLLED, "2027-01-01", null, null,
                null, null);
        assertChange(aptc.changes.get(1), PENDING_PAYMENT, ACTIVE, CoverageReason.BINDER_PAID, "2027-01-01", null,
                null, "2027-01-31", null);
        assertChange(aptc.last(), ACTIVE, GRACE, CoverageReason.PAYMENT_MISSED, "2027-01-24", "2027-02-01",
                "2027-04-30", "2027-01-31", null);

        aptc.bill("2027-03").closeDays(date("2027-01-24"), date("2027-02-23"))
                .missed("2027-03", date("2027-02-24")).closeDays(date("2027-02-23"), date("2027-02-28"));
        assertThat(aptc.status()).as("a miss during grace starts no new grace").isEqualTo(GRACE);
        assertThat(aptc.count()).isEqualTo(3);

        aptc.close(date("2027-03-01"));
        assertChange(aptc.last(), GRACE, SUSPENDED, CoverageReason.GRACE_MONTH_1_ENDED, "2027-03-01", "2027-02-01",
                "2027-04-30", "2027-01-31", null);

        aptc.bill("2027-04").closeDays(date("2027-03-01"), date("2027-03-15"))
                .pay("P-feb-mar", date("2027-03-15"), "2027-02", "2027-03");
        assertChange(aptc.last(), SUSPENDED, ACTIVE, CoverageReason.PAID_IN_FULL, "2027-03-15", null, null,
                "2027-03-31", null);
        aptc.closeDays(date("2027-03-15"), date("2027-05-01"));
        assertThat(aptc.status()).isEqualTo(ACTIVE);
        assertThat(aptc.count()).isEqualTo(5);
    }

    @Test
    void aptcExample_unpaidGraceEndsInTerminationEffectiveOnTheLastDayOfGraceMonth1() {
        Timeline aptc = inGrace("APTC").closeDays(date("2027-01-24"), date("2027-02-28"));
        assertThat(aptc.status()).isEqualTo(GRACE);
        aptc.closeDays(date("2027-02-28"), date("2027-04-30"));
        assertThat(aptc.status()).isEqualTo(SUSPENDED);
        assertThat(aptc.last().effectiveDate()).isEqualTo(date("2027-03-01"));

        aptc.close(date("2027-05-01"));
        assertChange(aptc.last(), SUSPENDED, TERMINATED, CoverageReason.GRACE_EXPIRED, "2027-02-28", "2027-02-01",
                "2027-04-30", "2027-01-31", "2027-02-28");
        aptc.closeDays(date("2027-05-01"), date("2027-06-30")).pay("P-late", date("2027-06-01"), "2027-02");
        assertThat(aptc.status()).as("termination is final").isEqualTo(TERMINATED);
    }

    @Test
    void unsubsidizedExample_thirtyDaysFromTheDueDateThenTerminationToTheLastPaidMonth() {
        Timeline state = inGrace("UNSUBSIDIZED");
        assertChange(state.last(), ACTIVE, GRACE, CoverageReason.PAYMENT_MISSED, "2027-01-24", "2027-01-24",
                "2027-02-22", "2027-01-31", null);
        state.bill("2027-03").closeDays(date("2027-01-24"), date("2027-02-22"));
        assertThat(state.status()).as("no suspension under the state rule").isEqualTo(GRACE);

        state.close(date("2027-02-23"));
        assertChange(state.last(), GRACE, TERMINATED, CoverageReason.GRACE_EXPIRED, "2027-01-31", "2027-01-24",
                "2027-02-22", "2027-01-31", "2027-01-31");
    }

    @Test
    void unsubsidizedPaidWithinGraceIsActiveAgain() {
        Timeline state = inGrace("UNSUBSIDIZED").closeDays(date("2027-01-24"), date("2027-02-22"))
                .pay("P-feb", date("2027-02-22"), "2027-02");
        assertChange(state.last(), GRACE, ACTIVE, CoverageReason.PAID_IN_FULL, "2027-02-22", null, null,
                "2027-02-28", null);
        state.closeDays(date("2027-02-22"), date("2027-03-10"));
        assertThat(state.status()).isEqualTo(ACTIVE);
    }

    @Test
    void aPartialPaymentDoesNotEndGrace() {
        Timeline aptc = inGrace("APTC").payPart("P-part", date("2027-02-10"), "2027-02", 15_000);
        assertThat(aptc.status()).isEqualTo(GRACE);
        assertThat(aptc.count()).isEqualTo(3);
    }

    @Test
    void payingOnlySomeOfThePastDueBillsDoesNotEndGrace() {
        Timeline aptc = inGrace("APTC").bill("2027-03").closeDays(date("2027-01-24"), date("2027-02-23"))
                .missed("2027-03", date("2027-02-24")).closeDays(date("2027-02-23"), date("2027-03-01"))
                .pay("P-feb", date("2027-03-10"), "2027-02");
        assertThat(aptc.status()).isEqualTo(SUSPENDED);
        aptc.pay("P-mar", date("2027-03-12"), "2027-03");
        assertThat(aptc.status()).isEqualTo(ACTIVE);
    }

    @Test
    void aBillNotYetDueNeedNotBePaidToEndGrace() {
        Timeline aptc = inGrace("APTC").bill("2027-03").pay("P-feb", date("2027-02-10"), "2027-02");
        assertThat(aptc.status()).as("March is due 2027-02-23, after the payment").isEqualTo(ACTIVE);
    }

    @Test
    void creditPayingThePastDueBillEndsGraceAsOfTheAccountsLatestDate() {
        Timeline aptc = inGrace("APTC").credit("2027-02");
        assertChange(aptc.last(), GRACE, ACTIVE, CoverageReason.PAID_IN_FULL, "2027-01-24", null, null,
                "2027-02-28", null);
    }

    @Test
    void aMissAfterReinstatementStartsANewGracePeriod() {
        Timeline aptc = inGrace("APTC").pay("P-feb", date("2027-02-10"), "2027-02").bill("2027-03")
                .missed("2027-03", date("2027-02-24"));
        assertChange(aptc.last(), ACTIVE, GRACE, CoverageReason.PAYMENT_MISSED, "2027-02-24", "2027-03-01",
                "2027-05-31", "2027-02-28", null);
    }

    @Test
    void reversingTheReinstatingPaymentDuringSuspensionMonthsSuspendsAgain() {
        Timeline aptc = reinstatedFromSuspension().reverse("P-feb-mar", date("2027-03-20"), "2027-02", "2027-03");
        assertChange(aptc.last(), ACTIVE, SUSPENDED, CoverageReason.PAYMENT_REVERSED, "2027-03-20", "2027-02-01",
                "2027-04-30", "2027-01-31", null);
        aptc.closeDays(date("2027-03-20"), date("2027-05-01"));
        assertChange(aptc.last(), SUSPENDED, TERMINATED, CoverageReason.GRACE_EXPIRED, "2027-02-28", "2027-02-01",
                "2027-04-30", "2027-01-31", "2027-02-28");
    }

    @Test
    void reversingTheReinstatingPaymentAfterTheGraceWouldHaveEndedTerminates() {
        Timeline aptc = reinstatedFromSuspension().closeDays(date("2027-03-15"), date("2027-05-09"))
                .reverse("P-feb-mar", date("2027-05-10"), "2027-02", "2027-03");
        assertChange(aptc.last(), ACTIVE, TERMINATED, CoverageReason.PAYMENT_REVERSED, "2027-02-28", "2027-02-01",
                "2027-04-30", "2027-01-31", "2027-02-28");
    }

    @Test
    void reversingTheReinstatingPaymentInGraceMonth1IsGraceAgainWithTheSamePeriod() {
        Timeline aptc = inGrace("APTC").pay("P-feb", date("2027-02-10"), "2027-02")
                .reverse("P-feb", date("2027-02-15"), "2027-02");
        assertChange(aptc.last(), ACTIVE, GRACE, CoverageReason.PAYMENT_REVERSED, "2027-02-15", "2027-02-01",
                "2027-04-30", "2027-01-31", null);
        aptc.closeDays(date("2027-02-15"), date("2027-03-01"));
        assertThat(aptc.status()).isEqualTo(SUSPENDED);
    }

    @Test
    void reversingTheReinstatementUnderTheStateRuleAfterGraceTerminatesToTheLastPaidMonth() {
        Timeline state = inGrace("UNSUBSIDIZED").pay("P-feb", date("2027-02-10"), "2027-02")
                .closeDays(date("2027-02-10"), date("2027-02-25"))
                .reverse("P-feb", date("2027-02-26"), "2027-02");
        assertChange(state.last(), ACTIVE, TERMINATED, CoverageReason.PAYMENT_REVERSED, "2027-01-31", "2027-01-24",
                "2027-02-22", "2027-01-31", "2027-01-31");
    }

    @Test
    void reversingSomeOtherPaymentDoesNotResumeAnEndedGrace() {
        Timeline aptc = inGrace("APTC").pay("P-feb", date("2027-02-10"), "2027-02")
                .reverse("P-jan", date("2027-02-12"), "2027-01");
        assertThat(aptc.status()).isEqualTo(ACTIVE);
    }

    @Test
    void binderUnpaidByTheCoverageStartIsCancelledWithoutGrace() {
        Timeline binder = new Timeline().open("APTC", START).bill("2027-01")
                .missed("2027-01", date("2026-12-24")).closeDays(date("2026-12-24"), date("2027-01-01"));
        assertThat(binder.status()).as("no grace on the binder").isEqualTo(PENDING_PAYMENT);
        binder.close(date("2027-01-02"));
        assertChange(binder.last(), PENDING_PAYMENT, CANCELLED, CoverageReason.BINDER_NOT_PAID, "2027-01-01", null,
                null, null, null);
        binder.pay("P-late", date("2027-01-05"), "2027-01");
        assertThat(binder.status()).as("cancellation is final").isEqualTo(CANCELLED);
    }

    @Test
    void binderPaidLateButByTheDeadlineEffectuatesFromTheStart() {
        Timeline binder = new Timeline().open("UNSUBSIDIZED", START).bill("2027-01")
                .missed("2027-01", date("2026-12-24")).pay("P-jan", date("2027-01-01"), "2027-01");
        assertChange(binder.last(), PENDING_PAYMENT, ACTIVE, CoverageReason.BINDER_PAID, "2027-01-01", null, null,
                "2027-01-31", null);
    }

    @Test
    void aLaggingAccountCatchesUpWithoutStatusesItHasAlreadyPassed() {
        Timeline aptc = new Timeline().open("APTC", START).bill("2027-01").bill("2027-02")
                .pay("P-jan", date("2026-12-20"), "2027-01").missed("2027-02", date("2027-01-24"))
                .close(date("2027-05-01"));
        assertThat(aptc.changes).extracting(CoverageDecision::to)
                .containsExactly(PENDING_PAYMENT, ACTIVE, GRACE, TERMINATED);
        assertThat(aptc.last().terminationEffectiveDate()).isEqualTo(date("2027-02-28"));
    }

    @Test
    void theSameFactsAndDateAlwaysGiveTheSameDecision() {
        Timeline first = inGrace("APTC");
        Timeline second = inGrace("APTC");
        assertThat(first.changes).isEqualTo(second.changes);
        assertThat(Timeline.DECIDER.decide(first.facts, first.state, date("2027-03-01")))
                .isEqualTo(Timeline.DECIDER.decide(second.facts, second.state, date("2027-03-01")));
    }

    @Test
    void theNextDayTimeAloneMayMoveCoverage() {
        Timeline pending = new Timeline().open("APTC", START);
        assertThat(Timeline.DECIDER.nextTimeDecision(pending.facts, pending.state)).contains(date("2027-01-02"));
        Timeline aptc = inGrace("APTC");
        assertThat(Timeline.DECIDER.nextTimeDecision(aptc.facts, aptc.state)).contains(date("2027-03-01"));
        aptc.close(date("2027-03-01"));
        assertThat(Timeline.DECIDER.nextTimeDecision(aptc.facts, aptc.state)).contains(date("2027-05-01"));
        Timeline state = inGrace("UNSUBSIDIZED");
        assertThat(Timeline.DECIDER.nextTimeDecision(state.facts, state.state)).contains(date("2027-02-23"));
        state.pay("P-feb", date("2027-02-01"), "2027-02");
        assertThat(Timeline.DECIDER.nextTimeDecision(state.facts, state.state)).isEmpty();
    }

    @Test
    void anUnknownProgramIsAConfigurationError() {
        assertThatThrownBy(() -> new Timeline().open("BRIDGE", START))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("BRIDGE");
    }

    @Test
    void programRulesThatContradictThemselvesAreRefusedAtStartUp() {
        assertThatThrownBy(() -> new ProgramRule(ProgramRule.GraceBasis.DAYS_AFTER_DUE_DATE, 30, 2,
                ProgramRule.TerminationRule.LAST_FULLY_PAID_MONTH, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ProgramRule(ProgramRule.GraceBasis.DAYS_AFTER_DUE_DATE, 30, 0,
                ProgramRule.TerminationRule.END_OF_GRACE_MONTH_1, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ProgramRule(ProgramRule.GraceBasis.COVERAGE_MONTHS, 3, 4,
                ProgramRule.TerminationRule.END_OF_GRACE_MONTH_1, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ProgramRule(ProgramRule.GraceBasis.COVERAGE_MONTHS, 3, 1,
                ProgramRule.TerminationRule.END_OF_GRACE_MONTH_1, 0)).isInstanceOf(IllegalArgumentException.class);
    }

    /** APTC: suspended 2027-03-01, then February and March paid on 2027-03-15. */
    static Timeline reinstatedFromSuspension() {
        Timeline aptc = inGrace("APTC").bill("2027-03").closeDays(date("2027-01-24"), date("2027-02-23"))
                .missed("2027-03", date("2027-02-24")).closeDays(date("2027-02-23"), date("2027-03-15"))
                .pay("P-feb-mar", date("2027-03-15"), "2027-02", "2027-03");
        assertThat(aptc.changes).extracting(CoverageDecision::to)
                .containsExactly(PENDING_PAYMENT, ACTIVE, GRACE, SUSPENDED, ACTIVE);
        return aptc;
    }
}
