package com.premiumledger.payment.payment;

import com.premiumledger.events.PaymentAssigned;
import com.premiumledger.events.PaymentRecorded;
import com.premiumledger.events.PaymentReversed;
import com.premiumledger.events.RefundReleased;
import com.premiumledger.events.RefundRequested;
import com.premiumledger.events.UnappliedPaymentReceived;
import com.premiumledger.payment.PaymentProperties;
import com.premiumledger.platform.web.RuleViolation;
import java.time.LocalDate;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.axonframework.test.matchers.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The payment's state machine after intake: unapplied, assignment, reversal, refunds. */
class PaymentLifecycleTest {

    private static final String ID = "5f0c8a34-0000-4000-8000-000000000002";
    private static final LocalDate RECEIVED = LocalDate.of(2027, 2, 1);
    private static final PaymentRecorded RECORDED_CHECK = new PaymentRecorded(ID, "A-1", 20_000, "CHECK", "MAIL",
            RECEIVED, null, null, "1042", "key-1", "service");
    private static final UnappliedPaymentReceived UNAPPLIED_CHECK = new UnappliedPaymentReceived(ID, "A-9", 20_000,
            "CHECK", "MAIL", RECEIVED, null, null, "1042", "key-1", "service");
    private static final PaymentAssigned ASSIGNED = new PaymentAssigned(ID, "A-1", 20_000, "CHECK", "MAIL", RECEIVED,
            "operator", "typo on the stub");
    private static final PaymentReversed REVERSED = new PaymentReversed(ID, "A-1", 20_000, "CHECK", "RETURNED_CHECK",
            RECEIVED.plusDays(3), "service");

    private FixtureConfiguration<Payment> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Payment.class);
        fixture.registerInjectableResource(PaymentProperties.defaults());
    }

    private static org.hamcrest.Matcher<? super Exception> violation(RuleViolation.Kind kind, String slug) {
        return Matchers.predicate(e -> e instanceof RuleViolation violation && violation.kind() == kind
                && violation.slug().equals(slug));
    }

    private static AssignPaymentCommand assign(String accountId) {
        return new AssignPaymentCommand(ID, accountId, "typo on the stub", "operator", false);
    }

    private static ReversePaymentCommand reverse(String reason, LocalDate date) {
        return new ReversePaymentCommand(ID, reason, date, "service", false);
    }

    private static RequestRefundCommand refund(String refundId, long amountCents) {
        return new RequestRefundCommand(ID, refundId, amountCents, RECEIVED.plusDays(5), "service");
    }

    @Test
    void aPaymentForAnUnknownAccountIsReceivedUnapplied() {
        fixture.givenNoPriorActivity()
                .when(new RecordPaymentCommand(ID, "A-9", 20_000, "CHECK", "MAIL", RECEIVED, null, null, "1042",
                        "key-1", "service", true))
                .expectEvents(UNAPPLIED_CHECK);
    }

    @Test
    void anUnappliedPaymentIsAssignedOnce() {
        fixture.given(UNAPPLIED_CHECK).when(assign("A-1")).expectEvents(ASSIGNED).expectResultMessagePayload(ASSIGNED);
        fixture.given(UNAPPLIED_CHECK, ASSIGNED).when(assign("A-2")).expectNoEvents()
                .expectException(violation(RuleViolation.Kind.CONFLICT, "payment-not-unapplied"));
    }

    @Test
    void aResentAssignmentFindsItsOwnEffect() {
        fixture.given(UNAPPLIED_CHECK, ASSIGNED).when(assign("A-1").asRetry()).expectNoEvents()
                .expectResultMessagePayload(ASSIGNED);
        fixture.given(UNAPPLIED_CHECK, ASSIGNED).when(assign("A-2").asRetry()).expectNoEvents()
                .expectException(violation(RuleViolation.Kind.CONFLICT, "payment-not-unapplied"));
    }

    @Test
    void onlyAnUnappliedUnreversedPaymentCanBeAssigned() {
        fixture.given(RECORDED_CHECK).when(assign("A-2")).expectNoEvents()
                .expectException(violation(RuleViolation.Kind.CONFLICT, "payment-not-unapplied"));
        PaymentReversed reversedUnapplied = new PaymentReversed(ID, null, 20_000, "CHECK", "RETURNED_CHECK",
                RECEIVED, "service");
        fixture.given(UNAPPLIED_CHECK, reversedUnapplied).when(assign("A-1")).expectNoEvents()
                .expectException(violation(RuleViolation.Kind.CONFLICT, "payment-reversed"));
        fixture.given(UNAPPLIED_CHECK).when(assign(" ")).expectNoEvents()
                .expectException(violation(RuleViolation.Kind.INVALID, "account-id-required"));
    }

    @Test
    void aPaymentIsReversedAtMostOnce() {
        fixture.given(RECORDED_CHECK).when(reverse("RETURNED_CHECK", RECEIVED.plusDays(3))).expectEvents(REVERSED)
                .expectResultMessagePayload(REVERSED);
        fixture.given(RECORDED_CHECK, REVERSED).when(reverse("RETURNED_CHECK", RECEIVED.plusDays(3)))
                .expectNoEvents().expectException(violation(RuleViolation.Kind.CONFLICT, "already-reversed"));
        fixture.given(RECORDED_CHECK, REVERSED).when(reverse("RETURNED_CHECK", RECEIVED.plusDays(3)).asRetry())
                .expectNoEvents().expectResultMessagePayload(REVERSED);
        fixture.given(RECORDED_CHECK, REVERSED).when(reverse("RETURNED_CHECK", RECEIVED.plusDays(4)).asRetry())
                .expectNoEvents().expectException(violation(RuleViolation.Kind.CONFLICT, "already-reversed"));
    }

    @Test
    void anUnappliedPaymentReversesWithoutAnAccountAndAnAssignedOneWithIts() {
        fixture.given(UNAPPLIED_CHECK).when(reverse("RETURNED_CHECK", RECEIVED))
                .expectEvents(new PaymentReversed(ID, null, 20_000, "CHECK", "RETURNED_CHECK", RECEIVED, "service"));
        fixture.given(UNAPPLIED_CHECK, ASSIGNED).when(reverse("RETURNED_CHECK", RECEIVED.plusDays(3)))
                .expectEvents(REVERSED);
    }

    @Test
    void theReasonMustFitTheMethodAndTheDateFollowReceipt() {
        fixture.given(RECORDED_CHECK).when(reverse("NSF", RECEIVED)).expectNoEvents()
                .expectException(violation(RuleViolation.Kind.INVALID, "reversal-reason-does-not-fit-method"));
        fixture.given(RECORDED_CHECK).when(reverse("CHARGEBACK", RECEIVED)).expectNoEvents()
                .expectException(violation(RuleViolation.Kind.INVALID, "reversal-reason-does-not-fit-method"));
        fixture.given(RECORDED_CHECK).when(reverse("BOUNCED", RECEIVED)).expectNoEvents()
                .expectException(violation(RuleViolation.Kind.INVALID, "unknown-reversal-reason"));
        fixture.given(RECORDED_CHECK).when(reverse("RETURNED_CHECK", RECEIVED.minusDays(1))).expectNoEvents()
                .expectException(violation(RuleViolation.Kind.INVALID, "reversed-date-before-received"));
        PaymentRecorded ach = new PaymentRecorded(ID, "A-1", 5_000, "ACH", "ONLINE", RECEIVED, null, "6789", null,
                "key-2", "service");
        fixture.given(ach).when(reverse("NSF", RECEIVED))
                .expectEvents(new PaymentReversed(ID, "A-1", 5_000, "ACH", "NSF", RECEIVED, "service"));
        PaymentRecorded card = new PaymentRecorded(ID, "A-1", 5_000, "CARD", "ONLINE", RECEIVED, "VISA", "4242", null,
                "key-3", "service");
        fixture.given(card).when(reverse("CHARGEBACK", RECEIVED))
                .expectEvents(new PaymentReversed(ID, "A-1", 5_000, "CARD", "CHARGEBACK", RECEIVED, "service"));
    }

    @Test
    void refundsAreRequestedUpToThePaymentAndOncePerRefundId() {
        RefundRequested first = new RefundRequested("R-1", ID, "A-1", 15_000, "CHECK", RECEIVED.plusDays(5),
                "service");
        fixture.given(RECORDED_CHECK).when(refund("R-1", 15_000)).expectEvents(first)
                .expectResultMessagePayload(first);
        fixture.given(RECORDED_CHECK, first).when(refund("R-1", 15_000)).expectNoEvents()
                .expectResultMessagePayload(first);
        fixture.given(RECORDED_CHECK, first).when(refund("R-2", 5_001)).expectNoEvents()
                .expectException(violation(RuleViolation.Kind.CONFLICT, "refund-exceeds-payment"));
        fixture.given(RECORDED_CHECK, first).when(refund("R-2", 5_000)).expectEvents(
                new RefundRequested("R-2", ID, "A-1", 5_000, "CHECK", RECEIVED.plusDays(5), "service"));
        fixture.given(RECORDED_CHECK).when(refund("R-1", 20_001)).expectNoEvents()
                .expectException(violation(RuleViolation.Kind.INVALID, "refund-amount-out-of-range"));
        fixture.given(RECORDED_CHECK).when(refund("R-1", 0)).expectNoEvents()
                .expectException(violation(RuleViolation.Kind.INVALID, "refund-amount-out-of-range"));
    }

    /** 15,000 of the 20,000 asked for and rejected by billing: it paid nothing out, so it counts no more. */
    @Test
    void aRejectedRefundIsReleasedAndTheSameAmountMayBeAskedForAgain() {
        RefundRequested rejected = new RefundRequested("R-1", ID, "A-1", 15_000, "CHECK", RECEIVED.plusDays(5),
                "service");
        RefundReleased released = new RefundReleased("R-1", ID, "A-1", 15_000, "insufficient-credit",
                "billing-decisions");
        ReleaseRefundCommand release = new ReleaseRefundCommand(ID, "R-1", "insufficient-credit",
                "billing-decisions");
        fixture.given(RECORDED_CHECK, rejected).when(release).expectEvents(released).expectResultMessagePayload(true);
        fixture.given(RECORDED_CHECK, rejected, released).when(refund("R-2", 20_000)).expectEvents(
                new RefundRequested("R-2", ID, "A-1", 20_000, "CHECK", RECEIVED.plusDays(5), "service"));
        // Without the release the same request is refused: the first refund still counted.
        fixture.given(RECORDED_CHECK, rejected).when(refund("R-2", 20_000)).expectNoEvents()
                .expectException(violation(RuleViolation.Kind.CONFLICT, "refund-exceeds-payment"));
    }

    @Test
    void aReleaseIsRecordedOnceAndOnlyForARefundOfThisPayment() {
        RefundRequested requested = new RefundRequested("R-1", ID, "A-1", 15_000, "CHECK", RECEIVED, "service");
        ReleaseRefundCommand release = new ReleaseRefundCommand(ID, "R-1", "insufficient-credit", "billing-decisions");
        fixture.given(RECORDED_CHECK, requested, new RefundReleased("R-1", ID, "A-1", 15_000, "insufficient-credit",
                "billing-decisions")).when(release).expectNoEvents().expectResultMessagePayload(false);
        fixture.given(RECORDED_CHECK, requested).when(new ReleaseRefundCommand(ID, "R-9", "insufficient-credit",
                "billing-decisions")).expectNoEvents().expectResultMessagePayload(false);
    }

    @Test
    void anUnappliedOrReversedPaymentIsNotRefunded() {
        fixture.given(UNAPPLIED_CHECK).when(refund("R-1", 1_000)).expectNoEvents()
                .expectException(violation(RuleViolation.Kind.CONFLICT, "payment-unapplied"));
        fixture.given(RECORDED_CHECK, REVERSED).when(refund("R-1", 1_000)).expectNoEvents()
                .expectException(violation(RuleViolation.Kind.CONFLICT, "payment-reversed"));
        fixture.given(UNAPPLIED_CHECK, ASSIGNED).when(refund("R-1", 1_000)).expectEvents(
                new RefundRequested("R-1", ID, "A-1", 1_000, "CHECK", RECEIVED.plusDays(5), "service"));
    }

    @Test
    void aPaymentTakesAtMostTheConfiguredNumberOfRefunds() {
        fixture = new AggregateTestFixture<>(Payment.class);
        PaymentProperties defaults = PaymentProperties.defaults();
        fixture.registerInjectableResource(new PaymentProperties(defaults.acceptedMethods(),
                defaults.acceptedCardBrands(), defaults.amountMaxCents(), defaults.receivedDateDaysBackMax(),
                defaults.referenceLengthMax(), defaults.accountIdLengthMax(), defaults.paymentsPerAccountMax(),
                defaults.historyPageSizeDefault(), defaults.historyPageSizeMax(),
                defaults.unappliedChannels(), defaults.unappliedQueueMax(), 1, defaults.reversedDateDaysBackMax()));
        fixture.given(RECORDED_CHECK, new RefundRequested("R-1", ID, "A-1", 1_000, "CHECK", RECEIVED, "service"))
                .when(refund("R-2", 1_000)).expectNoEvents()
                .expectException(violation(RuleViolation.Kind.CONFLICT, "too-many-refunds"));
    }
}
