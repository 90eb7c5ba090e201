package com.premiumledger.billing.account;

import com.premiumledger.billing.BillingProperties;
import com.premiumledger.events.AccountOpened;
import com.premiumledger.events.BillAllocation;
import com.premiumledger.events.BillIssued;
import com.premiumledger.events.CreditApplied;
import com.premiumledger.events.CreditRefunded;
import com.premiumledger.events.PaymentApplied;
import com.premiumledger.events.PaymentMissed;
import com.premiumledger.events.PaymentReversalApplied;
import com.premiumledger.events.RefundRejected;
import com.premiumledger.platform.web.RuleViolation;
import java.time.LocalDate;
import java.util.List;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.axonframework.test.matchers.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Reversals, refunds and the credit they move, given-when-then on the account. */
class BillingAccountReversalTest {

    private static final String ID = "A000000009";
    private static final String JAN = ID + "-2027-01";
    private static final String FEB = ID + "-2027-02";
    private static final LocalDate RECEIVED = LocalDate.of(2026, 12, 20);
    private static final LocalDate REVERSED = LocalDate.of(2026, 12, 22);
    private static final LocalDate BEFORE_DUE = LocalDate.of(2026, 12, 22);
    private static final AccountOpened OPENED = new AccountOpened(ID, "Ana Silva", "APTC", LocalDate.of(2027, 1, 1),
            "en", null, "service");
    private static final BillIssued JANUARY = new BillIssued(ID, JAN, "2027-01", LocalDate.of(2026, 12, 23), 50_000,
            30_000, 20_000, LocalDate.of(2026, 12, 1), "service");
    private static final BillIssued FEBRUARY = new BillIssued(ID, FEB, "2027-02", LocalDate.of(2027, 1, 23), 50_000,
            30_000, 20_000, LocalDate.of(2026, 12, 1), "service");
    /** 25,000 on January's 20,000: 5,000 credit. */
    private static final PaymentApplied OVERPAID = new PaymentApplied(ID, "P1", 25_000, RECEIVED,
            List.of(new BillAllocation(JAN, 20_000, 0)), 5_000, 0);

    private FixtureConfiguration<BillingAccount> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(BillingAccount.class);
        fixture.registerInjectableResource(BillingProperties.defaults());
    }

    private static ReversePaymentCommand reverse(String paymentId, long amountCents, LocalDate businessDate) {
        return new ReversePaymentCommand(ID, paymentId, amountCents, "NSF", REVERSED, businessDate);
    }

    @Test
    void aReversalReopensExactlyWhatThePaymentPaid() {
        fixture.given(OPENED, JANUARY, FEBRUARY, new PaymentApplied(ID, "P1", 30_000, RECEIVED, List.of(
                        new BillAllocation(JAN, 20_000, 0), new BillAllocation(FEB, 10_000, 10_000)), 0, 10_000))
                .when(reverse("P1", 30_000, BEFORE_DUE))
                .expectEvents(new PaymentReversalApplied(ID, "P1", 30_000, "NSF", REVERSED, List.of(
                        new BillAllocation(JAN, 20_000, 20_000), new BillAllocation(FEB, 10_000, 20_000)), 0, 40_000))
                .expectResultMessagePayload(true);
    }

    @Test
    void aReversalRemovesTheCreditThePaymentStillHolds() {
        fixture.given(OPENED, JANUARY, OVERPAID)
                .when(reverse("P1", 25_000, BEFORE_DUE))
                .expectEvents(new PaymentReversalApplied(ID, "P1", 25_000, "NSF", REVERSED,
                        List.of(new BillAllocation(JAN, 20_000, 20_000)), 5_000, 20_000));
    }

    @Test
    void aReversalReopensTheBillsItsCreditPaidLater() {
        fixture.given(OPENED, JANUARY, OVERPAID, FEBRUARY, new CreditApplied(ID, FEB, 5_000, 15_000, 0, 15_000))
                .when(reverse("P1", 25_000, BEFORE_DUE))
                .expectEvents(new PaymentReversalApplied(ID, "P1", 25_000, "NSF", REVERSED, List.of(
                        new BillAllocation(JAN, 20_000, 20_000), new BillAllocation(FEB, 5_000, 20_000)), 0, 40_000));
    }

    @Test
    void creditFromAnotherPaymentPaysTheReopenedBills() {
        fixture.given(OPENED, JANUARY, new PaymentApplied(ID, "P1", 20_000, RECEIVED,
                        List.of(new BillAllocation(JAN, 20_000, 0)), 0, 0),
                        new PaymentApplied(ID, "P2", 7_000, RECEIVED, List.of(), 7_000, 0))
                .when(reverse("P1", 20_000, BEFORE_DUE))
                .expectEvents(
                        new PaymentReversalApplied(ID, "P1", 20_000, "NSF", REVERSED,
                                List.of(new BillAllocation(JAN, 20_000, 20_000)), 0, 20_000),
                        new CreditApplied(ID, JAN, 7_000, 13_000, 0, 13_000));
    }

    @Test
    void aReopenedBillAlreadyPastDueIsMissedAtOnce() {
        LocalDate businessDate = LocalDate.of(2027, 1, 24);
        PaymentMissed januaryMissedBefore = new PaymentMissed(ID, JAN, "2027-01", LocalDate.of(2026, 12, 23), 20_000,
                LocalDate.of(2026, 12, 24), "calendar");
        fixture.given(OPENED, JANUARY, januaryMissedBefore, FEBRUARY, new PaymentApplied(ID, "P1", 40_000, RECEIVED,
                        List.of(new BillAllocation(JAN, 20_000, 0), new BillAllocation(FEB, 20_000, 0)), 0, 0))
                .when(reverse("P1", 40_000, businessDate))
                .expectEvents(
                        new PaymentReversalApplied(ID, "P1", 40_000, "NSF", REVERSED, List.of(
                                new BillAllocation(JAN, 20_000, 20_000), new BillAllocation(FEB, 20_000, 20_000)),
                                0, 40_000),
                        // January was missed once already; only February is missed now.
                        new PaymentMissed(ID, FEB, "2027-02", LocalDate.of(2027, 1, 23), 20_000, businessDate,
                                "reversal"));
    }

    @Test
    void aReversalIsAppliedOnce() {
        PaymentReversalApplied reversed = new PaymentReversalApplied(ID, "P1", 25_000, "NSF", REVERSED,
                List.of(new BillAllocation(JAN, 20_000, 20_000)), 5_000, 20_000);
        fixture.given(OPENED, JANUARY, OVERPAID, reversed)
                .when(reverse("P1", 25_000, BEFORE_DUE))
                .expectNoEvents()
                .expectResultMessagePayload(false);
    }

    @Test
    void reversingAPaymentThisAccountNeverAppliedChangesNothing() {
        fixture.given(OPENED, JANUARY)
                .when(reverse("P-ELSEWHERE", 25_000, BEFORE_DUE))
                .expectNoEvents()
                .expectResultMessagePayload(false);
    }

    @Test
    void aReversalAmountIsPositive() {
        fixture.given(OPENED, JANUARY, OVERPAID)
                .when(reverse("P1", 0, BEFORE_DUE))
                .expectException(Matchers.predicate(e -> e instanceof RuleViolation violation
                        && violation.slug().equals("amount")))
                .expectNoEvents();
    }

    @Test
    void aRefundCoveredByCreditIsPaid() {
        fixture.given(OPENED, JANUARY, OVERPAID)
                .when(new DecideRefundCommand(ID, "R1", "P1", 3_000, "ACH", REVERSED))
                .expectEvents(new CreditRefunded(ID, "R1", "P1", 3_000, "ACH", REVERSED, 2_000))
                .expectResultMessagePayload(true);
    }

    @Test
    void aRefundLargerThanTheCreditIsRejected() {
        fixture.given(OPENED, JANUARY, OVERPAID)
                .when(new DecideRefundCommand(ID, "R1", "P1", 6_000, "ACH", REVERSED))
                .expectEvents(new RefundRejected(ID, "R1", "P1", 6_000, 5_000, "insufficient-credit"));
    }

    @Test
    void aRefundIsDecidedOnce() {
        fixture.given(OPENED, JANUARY, OVERPAID, new CreditRefunded(ID, "R1", "P1", 3_000, "ACH", REVERSED, 2_000))
                .when(new DecideRefundCommand(ID, "R1", "P1", 3_000, "ACH", REVERSED))
                .expectNoEvents()
                .expectResultMessagePayload(false);
        fixture.given(OPENED, new RefundRejected(ID, "R2", "P1", 3_000, 0, "insufficient-credit"), OVERPAID)
                .when(new DecideRefundCommand(ID, "R2", "P1", 3_000, "ACH", REVERSED))
                .expectNoEvents();
    }

    /** The 5,000 credit P1 left was refunded: the member got it and P1 bounced, so the member owes it back. */
    private static final CreditRefunded REFUNDED = new CreditRefunded(ID, "R1", "P1", 5_000, "ACH", REVERSED, 0);
    private static final String OWED = RefundOwed.itemId("P1");
    private static final PaymentReversalApplied REVERSED_AFTER_REFUND = new PaymentReversalApplied(ID, "P1", 25_000,
            "NSF", REVERSED, List.of(new BillAllocation(JAN, 20_000, 20_000), new BillAllocation(OWED, 5_000, 5_000)),
            0, 25_000);

    @Test
    void aReversalAfterItsCreditWasRefundedMakesTheRefundedAmountOwedBack() {
        fixture.given(OPENED, JANUARY, OVERPAID, REFUNDED)
                .when(reverse("P1", 25_000, BEFORE_DUE))
                .expectEvents(REVERSED_AFTER_REFUND);
    }

    @Test
    void otherCreditCoversWhatItCanOfARefundedReversalAndTheRestIsOwedBack() {
        fixture.given(OPENED, JANUARY, OVERPAID, REFUNDED, new PaymentApplied(ID, "P2", 2_000, RECEIVED, List.of(),
                        2_000, 0))
                .when(reverse("P1", 25_000, BEFORE_DUE))
                .expectEvents(new PaymentReversalApplied(ID, "P1", 25_000, "NSF", REVERSED, List.of(
                        new BillAllocation(JAN, 20_000, 20_000), new BillAllocation(OWED, 3_000, 3_000)), 2_000,
                        23_000));
    }

    @Test
    void aLaterPaymentPaysTheRefundOwedFirstBecauseItWasDueFirst() {
        fixture.given(OPENED, JANUARY, OVERPAID, REFUNDED, REVERSED_AFTER_REFUND)
                .when(new ApplyPaymentCommand(ID, "P3", 6_000, REVERSED))
                .expectEvents(new PaymentApplied(ID, "P3", 6_000, REVERSED, List.of(new BillAllocation(OWED, 5_000, 0),
                        new BillAllocation(JAN, 1_000, 19_000)), 0, 19_000));
    }

    @Test
    void aRefundOwedIsNeverAMissedPremium() {
        fixture.given(OPENED, JANUARY, OVERPAID, REFUNDED, REVERSED_AFTER_REFUND)
                .when(new DecideMissedPaymentsCommand(ID, LocalDate.of(2027, 1, 5)))
                .expectEvents(new PaymentMissed(ID, JAN, "2027-01", LocalDate.of(2026, 12, 23), 20_000,
                        LocalDate.of(2027, 1, 5), "calendar"));
    }

    @Test
    void reversingThePaymentThatPaidARefundOwedOpensItAgain() {
        fixture.given(OPENED, JANUARY, OVERPAID, REFUNDED, REVERSED_AFTER_REFUND, new PaymentApplied(ID, "P3", 6_000,
                        REVERSED, List.of(new BillAllocation(OWED, 5_000, 0), new BillAllocation(JAN, 1_000, 19_000)),
                        0, 19_000))
                .when(new ReversePaymentCommand(ID, "P3", 6_000, "NSF", REVERSED, BEFORE_DUE))
                .expectEvents(new PaymentReversalApplied(ID, "P3", 6_000, "NSF", REVERSED, List.of(
                        new BillAllocation(OWED, 5_000, 5_000), new BillAllocation(JAN, 1_000, 20_000)), 0, 25_000));
    }
}
