package com.premiumledger.coverage.lifecycle;

import static com.premiumledger.coverage.lifecycle.CoverageStatus.ACTIVE;
import static com.premiumledger.coverage.lifecycle.CoverageStatus.GRACE;
import static com.premiumledger.coverage.lifecycle.CoverageStatus.PENDING_PAYMENT;
import static com.premiumledger.coverage.lifecycle.CoverageStatus.SUSPENDED;
import static com.premiumledger.coverage.lifecycle.CoverageStatus.TERMINATED;

import com.premiumledger.events.CoveragePaidThroughChanged;
import com.premiumledger.events.CoverageStatusChanged;
import com.premiumledger.platform.web.RuleViolation;
import java.time.LocalDate;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The aggregate applies only what the table allows from its status, once. */
class CoverageTest {

    static final String ACCOUNT = "A-1";
    static final LocalDate START = LocalDate.of(2027, 1, 1);
    static final LocalDate GRACE_START = LocalDate.of(2027, 2, 1);
    static final LocalDate GRACE_END = LocalDate.of(2027, 4, 30);
    static final LocalDate PAID_THROUGH = LocalDate.of(2027, 1, 31);

    AggregateTestFixture<Coverage> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Coverage.class);
        fixture.registerInjectableResource(CoverageTransitions.standard());
    }

    static final CoverageDecision ENROLL = new CoverageDecision(CoverageTrigger.ENROLLMENT, null, PENDING_PAYMENT,
            CoverageReason.ENROLLED, START, null, null, null, null);
    static final CoverageDecision BINDER = new CoverageDecision(CoverageTrigger.BINDER_PAID, PENDING_PAYMENT, ACTIVE,
            CoverageReason.BINDER_PAID, START, null, null, PAID_THROUGH, null);
    static final CoverageDecision MISSED = new CoverageDecision(CoverageTrigger.PAYMENT_MISSED, ACTIVE, GRACE,
            CoverageReason.PAYMENT_MISSED, LocalDate.of(2027, 1, 24), GRACE_START, GRACE_END, PAID_THROUGH, null);
    static final CoverageDecision SUSPEND = new CoverageDecision(CoverageTrigger.SUSPENSION_DATE_REACHED, GRACE,
            SUSPENDED, CoverageReason.GRACE_MONTH_1_ENDED, LocalDate.of(2027, 3, 1), GRACE_START, GRACE_END,
            PAID_THROUGH, null);
    static final CoverageDecision TERMINATE = new CoverageDecision(CoverageTrigger.GRACE_EXPIRED, SUSPENDED,
            TERMINATED, CoverageReason.GRACE_EXPIRED, LocalDate.of(2027, 2, 28), GRACE_START, GRACE_END,
            PAID_THROUGH, LocalDate.of(2027, 2, 28));
    static final CoverageDecision REINSTATE = new CoverageDecision(CoverageTrigger.PAST_DUE_PAID, SUSPENDED, ACTIVE,
            CoverageReason.PAID_IN_FULL, LocalDate.of(2027, 3, 15), null, null, LocalDate.of(2027, 3, 31), null);

    static CoverageStatusChanged event(CoverageDecision decision, String cause) {
        return new CoverageStatusChanged(ACCOUNT, "APTC", decision.from() == null ? null : decision.from().name(),
                decision.to().name(), decision.reason().name(), decision.effectiveDate(), decision.graceStart(),
                decision.graceEnd(), decision.paidThroughDate(), decision.terminationEffectiveDate(), cause);
    }

    static ChangeCoverageCommand change(CoverageDecision decision, String cause) {
        return new ChangeCoverageCommand(ACCOUNT, "APTC", decision, cause);
    }

    @Test
    void startingCoverageMakesItPendingPaymentFromTheCoverageStart() {
        fixture.givenNoPriorActivity()
                .when(new StartCoverageCommand(ACCOUNT, "APTC", ENROLL, "e-open"))
                .expectSuccessfulHandlerExecution()
                .expectEvents(event(ENROLL, "e-open"));
    }

    @Test
    void startingWithAnythingButEnrollmentIsRefused() {
        fixture.givenNoPriorActivity()
                .when(new StartCoverageCommand(ACCOUNT, "APTC", BINDER, "e-open"))
                .expectException(RuleViolation.class)
                .expectNoEvents();
    }

    @Test
    void aDecisionTheTableAllowsIsAppliedWithAllItsDates() {
        fixture.given(event(ENROLL, "e-open"), event(BINDER, "e-binder"))
                .when(change(MISSED, "e-missed"))
                .expectEvents(event(MISSED, "e-missed"))
                .expectResultMessagePayload(new CoverageState(GRACE, GRACE_START, GRACE_END, 2, null, PAID_THROUGH));
    }

    @Test
    void suspensionThenTerminationRetroactiveToTheEndOfGraceMonth1() {
        fixture.given(event(ENROLL, "e-open"), event(BINDER, "e-binder"), event(MISSED, "e-missed"),
                        event(SUSPEND, "day-03-01"))
                .when(change(TERMINATE, "day-05-01"))
                .expectEvents(event(TERMINATE, "day-05-01"))
                .expectResultMessagePayload(new CoverageState(TERMINATED, null, null, 4, null, PAID_THROUGH));
    }

    @Test
    void reinstatementFromSuspensionLeavesGrace() {
        fixture.given(event(ENROLL, "e-open"), event(BINDER, "e-binder"), event(MISSED, "e-missed"),
                        event(SUSPEND, "day-03-01"))
                .when(change(REINSTATE, "e-pay"))
                .expectEvents(event(REINSTATE, "e-pay"))
                .expectResultMessagePayload(new CoverageState(ACTIVE, null, null, 4, null, LocalDate.of(2027, 3, 31)));
    }

    @Test
    void theSameDecisionAgainChangesNothing() {
        fixture.given(event(ENROLL, "e-open"), event(BINDER, "e-binder"), event(MISSED, "e-missed"))
                .when(change(MISSED, "e-missed-redelivered"))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents()
                .expectResultMessagePayload(new CoverageState(GRACE, GRACE_START, GRACE_END, 2, null, PAID_THROUGH));
    }

    @Test
    void aDecisionMadeOnAStatusCoverageHasLeftChangesNothingAndAnswersTheRealState() {
        fixture.given(event(ENROLL, "e-open"), event(BINDER, "e-binder"), event(MISSED, "e-missed"),
                        event(SUSPEND, "day-03-01"))
                .when(change(BINDER, "e-binder-again"))
                .expectNoEvents()
                .expectResultMessagePayload(new CoverageState(SUSPENDED, GRACE_START, GRACE_END, 3, null, PAID_THROUGH));
    }

    @Test
    void aDecisionTheTableDoesNotAllowIsRefused() {
        CoverageDecision graceOnTheBinder = new CoverageDecision(CoverageTrigger.PAYMENT_MISSED, PENDING_PAYMENT,
                GRACE, CoverageReason.PAYMENT_MISSED, LocalDate.of(2026, 12, 24), GRACE_START, GRACE_END, null, null);
        fixture.given(event(ENROLL, "e-open"))
                .when(change(graceOnTheBinder, "e-missed"))
                .expectException(RuleViolation.class)
                .expectNoEvents();
    }

    @Test
    void aDecisionWhoseTargetDisagreesWithTheTableIsRefused() {
        CoverageDecision wrongTarget = new CoverageDecision(CoverageTrigger.PAYMENT_MISSED, ACTIVE, SUSPENDED,
                CoverageReason.PAYMENT_MISSED, LocalDate.of(2027, 1, 24), GRACE_START, GRACE_END, PAID_THROUGH, null);
        fixture.given(event(ENROLL, "e-open"), event(BINDER, "e-binder"))
                .when(change(wrongTarget, "e-missed"))
                .expectException(RuleViolation.class)
                .expectNoEvents();
    }

    @Test
    void graceWithoutItsDatesOrATerminationWithoutItsDateIsRefused() {
        CoverageDecision noDates = new CoverageDecision(CoverageTrigger.PAYMENT_MISSED, ACTIVE, GRACE,
                CoverageReason.PAYMENT_MISSED, LocalDate.of(2027, 1, 24), null, null, PAID_THROUGH, null);
        fixture.given(event(ENROLL, "e-open"), event(BINDER, "e-binder"))
                .when(change(noDates, "e-missed"))
                .expectException(RuleViolation.class);
        CoverageDecision noTermination = new CoverageDecision(CoverageTrigger.GRACE_EXPIRED, SUSPENDED, TERMINATED,
                CoverageReason.GRACE_EXPIRED, LocalDate.of(2027, 2, 28), GRACE_START, GRACE_END, PAID_THROUGH, null);
        fixture.given(event(ENROLL, "e-open"), event(BINDER, "e-binder"), event(MISSED, "e-missed"),
                        event(SUSPEND, "day-03-01"))
                .when(change(noTermination, "day-05-01"))
                .expectException(RuleViolation.class);
    }

    @Test
    void aChangeWithoutItsCauseIsRefused() {
        fixture.given(event(ENROLL, "e-open"))
                .when(change(BINDER, " "))
                .expectException(RuleViolation.class)
                .expectNoEvents();
    }

    // ---- the paid-through date moving without a status change ----------------------------------------------

    static final LocalDate APRIL_END = LocalDate.of(2027, 4, 30);

    @Test
    void payingAMonthAheadWhileActiveRecordsTheNewPaidThroughDate() {
        fixture.given(event(ENROLL, "e-open"), event(BINDER, "e-binder"))
                .when(new RecordPaidThroughCommand(ACCOUNT, "APTC", APRIL_END, LocalDate.of(2027, 1, 20), "e-pay"))
                .expectEvents(new CoveragePaidThroughChanged(ACCOUNT, "APTC", PAID_THROUGH, APRIL_END,
                        LocalDate.of(2027, 1, 20), "e-pay"))
                .expectResultMessagePayload(new CoverageState(ACTIVE, null, null, 2, null, APRIL_END));
    }

    @Test
    void aReversalDuringGraceMovesItBackAndKeepsTheGracePeriod() {
        fixture.given(event(ENROLL, "e-open"), event(BINDER, "e-binder"), event(MISSED, "e-missed"))
                .when(new RecordPaidThroughCommand(ACCOUNT, "APTC", null, LocalDate.of(2027, 2, 3), "e-reversal"))
                .expectEvents(new CoveragePaidThroughChanged(ACCOUNT, "APTC", PAID_THROUGH, null,
                        LocalDate.of(2027, 2, 3), "e-reversal"))
                .expectResultMessagePayload(new CoverageState(GRACE, GRACE_START, GRACE_END, 3, null, null));
    }

    @Test
    void theSamePaidThroughDateAgainRecordsNothing() {
        fixture.given(event(ENROLL, "e-open"), event(BINDER, "e-binder"),
                        new CoveragePaidThroughChanged(ACCOUNT, "APTC", PAID_THROUGH, APRIL_END,
                                LocalDate.of(2027, 1, 20), "e-pay"))
                .when(new RecordPaidThroughCommand(ACCOUNT, "APTC", APRIL_END, LocalDate.of(2027, 1, 20),
                        "e-pay-redelivered"))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents()
                .expectResultMessagePayload(new CoverageState(ACTIVE, null, null, 2, null, APRIL_END));
    }

    @Test
    void endedOrNotYetEffectuatedCoverageKeepsThePaidThroughDateItHas() {
        fixture.given(event(ENROLL, "e-open"), event(BINDER, "e-binder"), event(MISSED, "e-missed"),
                        event(SUSPEND, "day-03-01"), event(TERMINATE, "day-05-01"))
                .when(new RecordPaidThroughCommand(ACCOUNT, "APTC", APRIL_END, LocalDate.of(2027, 5, 3), "e-late"))
                .expectNoEvents()
                .expectResultMessagePayload(new CoverageState(TERMINATED, null, null, 4, null, PAID_THROUGH));
        fixture.given(event(ENROLL, "e-open"))
                .when(new RecordPaidThroughCommand(ACCOUNT, "APTC", PAID_THROUGH, LocalDate.of(2026, 12, 20), "e-x"))
                .expectNoEvents();
    }

    @Test
    void aPaidThroughMoveWithoutItsCauseOrDateIsRefused() {
        fixture.given(event(ENROLL, "e-open"), event(BINDER, "e-binder"))
                .when(new RecordPaidThroughCommand(ACCOUNT, "APTC", APRIL_END, LocalDate.of(2027, 1, 20), ""))
                .expectException(RuleViolation.class)
                .expectNoEvents();
        fixture.given(event(ENROLL, "e-open"), event(BINDER, "e-binder"))
                .when(new RecordPaidThroughCommand(ACCOUNT, "APTC", APRIL_END, null, "e-pay"))
                .expectException(RuleViolation.class)
                .expectNoEvents();
    }
}
