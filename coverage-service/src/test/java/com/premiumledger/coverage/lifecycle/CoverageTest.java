package com.premiumledger.coverage.lifecycle;

import com.premiumledger.events.BillAllocation;
import com.premiumledger.events.CoverageStatusChanged;
import com.premiumledger.platform.web.RuleViolation;
import java.time.LocalDate;
import java.util.List;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class CoverageTest {

    static final String ACCOUNT = "A-1";
    static final LocalDate START = LocalDate.of(2027, 1, 1);
    static final LocalDate RECEIVED = LocalDate.of(2027, 2, 10);
    static final LocalDate MISSED_ON = LocalDate.of(2027, 1, 24);

    AggregateTestFixture<Coverage> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Coverage.class);
        fixture.registerInjectableResource(CoverageTransitions.standard());
    }

    static CoverageStatusChanged enrolled() {
        return new CoverageStatusChanged(ACCOUNT, null, "PENDING_PAYMENT", "ENROLLED", START, "e-open");
    }

    static CoverageStatusChanged binderPaid() {
        return new CoverageStatusChanged(ACCOUNT, "PENDING_PAYMENT", "ACTIVE", "BINDER_PAID", START, "e-binder");
    }

    static CoverageStatusChanged missed() {
        return new CoverageStatusChanged(ACCOUNT, "ACTIVE", "GRACE", "PAYMENT_MISSED", MISSED_ON, "e-missed");
    }

    static RecordBillPaymentCommand payment(String causeEventId, long billOpenAfterCents, long accountOpenAfterCents) {
        return new RecordBillPaymentCommand(ACCOUNT, List.of(new BillAllocation("B-1", 20_000, billOpenAfterCents)),
                accountOpenAfterCents, RECEIVED, causeEventId);
    }

    @Test
    void startingCoverageMakesItPendingPaymentFromTheCoverageStart() {
        fixture.givenNoPriorActivity()
                .when(new StartCoverageCommand(ACCOUNT, "APTC", START, "e-open"))
                .expectSuccessfulHandlerExecution()
                .expectEvents(enrolled());
    }

    @Test
    void startingWithoutACoverageStartIsRefused() {
        fixture.givenNoPriorActivity()
                .when(new StartCoverageCommand(ACCOUNT, "APTC", null, "e-open"))
                .expectException(RuleViolation.class)
                .expectNoEvents();
    }

    @Test
    void paymentOfTheBinderBillEffectuatesCoverageFromItsStart() {
        fixture.given(enrolled())
                .when(payment("e-binder", 0, 5_000))
                .expectEvents(binderPaid());
    }

    @Test
    void aPartialBinderPaymentChangesNothing() {
        fixture.given(enrolled())
                .when(payment("e-part", 5_000, 5_000))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void aCreditWithNoBillPaidDoesNotEffectuateCoverage() {
        fixture.given(enrolled())
                .when(new RecordBillPaymentCommand(ACCOUNT, List.of(), 0, RECEIVED, "e-credit"))
                .expectNoEvents();
    }

    @Test
    void noGraceOnTheBinder() {
        fixture.given(enrolled())
                .when(new RecordMissedPaymentCommand(ACCOUNT, "B-1", MISSED_ON, "e-missed"))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void aMissedPaymentPutsActiveCoverageInGraceOnTheBusinessDate() {
        fixture.given(enrolled(), binderPaid())
                .when(new RecordMissedPaymentCommand(ACCOUNT, "B-2", MISSED_ON, "e-missed"))
                .expectEvents(missed());
    }

    @Test
    void aSecondMissedPaymentDuringGraceChangesNothing() {
        fixture.given(enrolled(), binderPaid(), missed())
                .when(new RecordMissedPaymentCommand(ACCOUNT, "B-3", MISSED_ON.plusMonths(1), "e-missed-2"))
                .expectNoEvents();
    }

    @Test
    void payingEverythingDuringGraceReinstatesOnTheDayReceived() {
        fixture.given(enrolled(), binderPaid(), missed())
                .when(payment("e-paid", 0, 0))
                .expectEvents(new CoverageStatusChanged(ACCOUNT, "GRACE", "ACTIVE", "PAID_IN_FULL", RECEIVED,
                        "e-paid"));
    }

    @Test
    void payingOneBillButNotAllDuringGraceChangesNothing() {
        fixture.given(enrolled(), binderPaid(), missed())
                .when(payment("e-some", 0, 20_000))
                .expectNoEvents();
    }

    @Test
    void paymentsWhileActiveChangeNothing() {
        fixture.given(enrolled(), binderPaid())
                .when(payment("e-next", 0, 0))
                .expectNoEvents();
    }

    @Test
    void theSameBinderPaymentTwiceChangesCoverageOnce() {
        fixture.given(enrolled(), binderPaid())
                .when(payment("e-binder", 0, 5_000))
                .expectNoEvents();
    }

    @Test
    void theSameMissedPaymentTwiceChangesCoverageOnce() {
        fixture.given(enrolled(), binderPaid(), missed())
                .when(new RecordMissedPaymentCommand(ACCOUNT, "B-2", MISSED_ON, "e-missed"))
                .expectNoEvents();
    }

    @Test
    void theSameFullPaymentTwiceChangesCoverageOnce() {
        fixture.given(enrolled(), binderPaid(), missed(),
                        new CoverageStatusChanged(ACCOUNT, "GRACE", "ACTIVE", "PAID_IN_FULL", RECEIVED, "e-paid"))
                .when(payment("e-paid", 0, 0))
                .expectNoEvents();
    }

    @Test
    void aReplayedCauseIsIgnoredEvenWhereTheTableWouldMove() {
        // The cause guard holds even for rows a later cut may add that are not idempotent at their target.
        fixture.given(enrolled(), binderPaid(), missed())
                .when(new RecordBillPaymentCommand(ACCOUNT, List.of(), 0, RECEIVED, "e-missed"))
                .expectNoEvents();
    }

    @Test
    void negativeAmountsAreRefused() {
        fixture.given(enrolled())
                .when(payment("e-bad", -1, 0))
                .expectException(RuleViolation.class);
        fixture.given(enrolled())
                .when(payment("e-bad", 0, -1))
                .expectException(RuleViolation.class);
    }

    @Test
    void aPaymentWithoutItsDateOrCauseIsRefused() {
        fixture.given(enrolled())
                .when(new RecordBillPaymentCommand(ACCOUNT, List.of(), 0, null, "e-x"))
                .expectException(RuleViolation.class);
        fixture.given(enrolled())
                .when(new RecordMissedPaymentCommand(ACCOUNT, "B-1", MISSED_ON, " "))
                .expectException(RuleViolation.class);
    }
}
