package com.premiumledger.billing.account;

import com.premiumledger.billing.BillingProperties;
import com.premiumledger.events.AccountOpened;
import com.premiumledger.events.BillAllocation;
import com.premiumledger.events.BillIssued;
import com.premiumledger.events.CreditApplied;
import com.premiumledger.events.PaymentApplied;
import com.premiumledger.events.PaymentMissed;
import com.premiumledger.platform.web.RuleViolation;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.axonframework.test.matchers.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class BillingAccountTest {

    private static final String ID = "A000000001";
    private static final LocalDate START = LocalDate.of(2027, 1, 1);
    private static final AccountOpened OPENED = new AccountOpened(ID, "Ana Silva", "APTC", START, "en",
            "ana@example.org", "service");
    private static final BillIssued JANUARY = new BillIssued(ID, ID + "-2027-01", "2027-01",
            LocalDate.of(2026, 12, 23), 50_000, 30_000, 20_000, LocalDate.of(2026, 12, 1), "service");
    private static final BillIssued FEBRUARY = new BillIssued(ID, ID + "-2027-02", "2027-02",
            LocalDate.of(2027, 1, 23), 50_000, 30_000, 20_000, LocalDate.of(2026, 12, 1), "service");

    private FixtureConfiguration<BillingAccount> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(BillingAccount.class);
        fixture.registerInjectableResource(BillingProperties.defaults());
    }

    private static OpenAccountCommand open(String id, String program, LocalDate start, String language, String email) {
        return new OpenAccountCommand(id, "Ana Silva", program, start, language, email, "service");
    }

    private static IssueBillCommand bill(String month, long gross, long subsidy, LocalDate dueDate) {
        return new IssueBillCommand(ID, YearMonth.parse(month), gross, subsidy, dueDate, LocalDate.of(2026, 12, 1),
                "service");
    }

    @Test
    void opensAnAccount() {
        fixture.givenNoPriorActivity()
                .when(open(ID, "APTC", START, "en", "ana@example.org"))
                .expectEvents(OPENED);
    }

    @Test
    void languageDefaultsToEnglishAndEmailIsOptional() {
        fixture.givenNoPriorActivity()
                .when(open(ID, "UNSUBSIDIZED", START, null, null))
                .expectEvents(new AccountOpened(ID, "Ana Silva", "UNSUBSIDIZED", START, "en", null, "service"));
    }

    @Test
    void refusesAnUnknownProgram() {
        expectInvalid(open(ID, "GOLD", START, "en", null), "unknown-program");
    }

    @Test
    void refusesACoverageStartThatIsNotTheFirstOfAMonth() {
        expectInvalid(open(ID, "APTC", LocalDate.of(2027, 1, 2), "en", null), "coverage-start");
    }

    @Test
    void refusesAnUnknownLanguage() {
        expectInvalid(open(ID, "APTC", START, "fr", null), "unknown-language");
    }

    @Test
    void refusesAnInvalidEmail() {
        expectInvalid(open(ID, "APTC", START, "en", "not-an-address"), "email");
    }

    @Test
    void refusesAMalformedAccountId() {
        expectInvalid(open("a-1", "APTC", START, "en", null), "account-id");
    }

    private void expectInvalid(Object command, String slug) {
        fixture.givenNoPriorActivity().when(command)
                .expectException(RuleViolation.class)
                .expectException(Matchers.predicate(e -> ((RuleViolation) e).slug().equals(slug)
                        && ((RuleViolation) e).kind() == RuleViolation.Kind.INVALID))
                .expectNoEvents();
    }

    @Test
    void issuesABillDueOnThe23rdOfThePreviousMonth() {
        fixture.given(OPENED)
                .when(bill("2027-01", 50_000, 30_000, null))
                .expectEvents(JANUARY)
                .expectResultMessagePayload(new IssueBillResult(ID + "-2027-01", ID, "2027-01",
                        LocalDate.of(2026, 12, 23), 50_000, 30_000, 20_000, true));
    }

    @Test
    void issuesABillWithAnExplicitDueDate() {
        fixture.given(OPENED)
                .when(bill("2027-01", 50_000, 0, LocalDate.of(2027, 1, 5)))
                .expectEvents(new BillIssued(ID, ID + "-2027-01", "2027-01", LocalDate.of(2027, 1, 5), 50_000, 0,
                        50_000, LocalDate.of(2026, 12, 1), "service"));
    }

    @Test
    void issuingTheSameBillAgainReturnsItWithoutANewEvent() {
        fixture.given(OPENED, JANUARY)
                .when(bill("2027-01", 50_000, 30_000, null))
                .expectNoEvents()
                .expectResultMessagePayload(new IssueBillResult(ID + "-2027-01", ID, "2027-01",
                        LocalDate.of(2026, 12, 23), 50_000, 30_000, 20_000, false));
    }

    @Test
    void aDifferentBillForAnIssuedMonthIsAConflict() {
        fixture.given(OPENED, JANUARY)
                .when(bill("2027-01", 50_000, 20_000, null))
                .expectException(Matchers.predicate(e -> e instanceof RuleViolation violation
                        && violation.kind() == RuleViolation.Kind.CONFLICT && violation.slug().equals("bill-differs")))
                .expectNoEvents();
    }

    @Test
    void refusesBadAmounts() {
        fixture.given(OPENED).when(bill("2027-01", 0, 0, null))
                .expectException(Matchers.predicate(e -> ((RuleViolation) e).slug().equals("gross-premium")));
        fixture.given(OPENED).when(bill("2027-01", 1_000_001, 0, null))
                .expectException(Matchers.predicate(e -> ((RuleViolation) e).slug().equals("gross-premium")));
        fixture.given(OPENED).when(bill("2027-01", 10_000, 10_001, null))
                .expectException(Matchers.predicate(e -> ((RuleViolation) e).slug().equals("subsidy")));
        fixture.given(OPENED).when(bill("2027-01", 10_000, -1, null))
                .expectException(Matchers.predicate(e -> ((RuleViolation) e).slug().equals("subsidy")));
    }

    @Test
    void aFullySubsidisedBillIsAllowed() {
        fixture.given(OPENED).when(bill("2027-01", 10_000, 10_000, null))
                .expectEvents(new BillIssued(ID, ID + "-2027-01", "2027-01", LocalDate.of(2026, 12, 23), 10_000,
                        10_000, 0, LocalDate.of(2026, 12, 1), "service"));
    }

    @Test
    void refusesACoverageMonthBeforeTheCoverageStart() {
        fixture.given(OPENED).when(bill("2026-12", 50_000, 30_000, null))
                .expectException(Matchers.predicate(e -> ((RuleViolation) e).slug().equals("before-coverage-start")))
                .expectNoEvents();
    }

    @Test
    void aPaymentGoesToTheOldestOpenBillFirst() {
        fixture.given(OPENED, FEBRUARY, JANUARY)
                .when(new ApplyPaymentCommand(ID, "P1", 30_000, LocalDate.of(2026, 12, 20)))
                .expectEvents(new PaymentApplied(ID, "P1", 30_000, LocalDate.of(2026, 12, 20), List.of(
                        new BillAllocation(ID + "-2027-01", 20_000, 0),
                        new BillAllocation(ID + "-2027-02", 10_000, 10_000)), 0, 10_000));
    }

    @Test
    void anOverpaymentBecomesCreditThatPaysTheNextBillAsAnExplicitEvent() {
        PaymentApplied overpaid = new PaymentApplied(ID, "P1", 25_000, LocalDate.of(2026, 12, 20),
                List.of(new BillAllocation(ID + "-2027-01", 20_000, 0)), 5_000, 0);
        fixture.given(OPENED, JANUARY)
                .when(new ApplyPaymentCommand(ID, "P1", 25_000, LocalDate.of(2026, 12, 20)))
                .expectEvents(overpaid);
        // The 5,000 credit pays part of February as it is issued, as its own event; 15,000 is left.
        CreditApplied credit = new CreditApplied(ID, ID + "-2027-02", 5_000, 15_000, 0, 15_000);
        fixture.given(OPENED, JANUARY, overpaid)
                .when(bill("2027-02", 50_000, 30_000, null))
                .expectEvents(FEBRUARY, credit);
        fixture.given(OPENED, JANUARY, overpaid, FEBRUARY, credit)
                .when(new ApplyPaymentCommand(ID, "P2", 15_000, LocalDate.of(2027, 1, 10)))
                .expectEvents(new PaymentApplied(ID, "P2", 15_000, LocalDate.of(2027, 1, 10),
                        List.of(new BillAllocation(ID + "-2027-02", 15_000, 0)), 0, 0));
    }

    @Test
    void aBillIssuedWithoutCreditAbsorbsNothing() {
        fixture.given(OPENED, JANUARY, FEBRUARY)
                .when(new ApplyPaymentCommand(ID, "P2", 20_000, LocalDate.of(2027, 1, 10)))
                .expectEvents(new PaymentApplied(ID, "P2", 20_000, LocalDate.of(2027, 1, 10),
                        List.of(new BillAllocation(ID + "-2027-01", 20_000, 0)), 0, 20_000));
    }

    @Test
    void aPaymentWithNoOpenBillIsAllCredit() {
        fixture.given(OPENED)
                .when(new ApplyPaymentCommand(ID, "P1", 7_500, LocalDate.of(2026, 12, 20)))
                .expectEvents(new PaymentApplied(ID, "P1", 7_500, LocalDate.of(2026, 12, 20), List.of(), 7_500, 0));
    }

    @Test
    void aPaymentAlreadyAppliedIsIgnored() {
        fixture.given(OPENED, JANUARY, new PaymentApplied(ID, "P1", 20_000, LocalDate.of(2026, 12, 20),
                        List.of(new BillAllocation(ID + "-2027-01", 20_000, 0)), 0, 0))
                .when(new ApplyPaymentCommand(ID, "P1", 20_000, LocalDate.of(2026, 12, 20)))
                .expectNoEvents()
                .expectResultMessagePayload(false);
    }

    @Test
    void missesAnOpenBillByHand() {
        fixture.given(OPENED, JANUARY)
                .when(new MissPaymentCommand(ID, ID + "-2027-01", LocalDate.of(2026, 12, 24), "operator"))
                .expectEvents(new PaymentMissed(ID, ID + "-2027-01", "2027-01", LocalDate.of(2026, 12, 23), 20_000,
                        LocalDate.of(2026, 12, 24), "operator"));
    }

    @Test
    void missingAnUnknownBillIsNotFound() {
        fixture.given(OPENED, JANUARY)
                .when(new MissPaymentCommand(ID, ID + "-2030-01", LocalDate.of(2026, 12, 24), "operator"))
                .expectException(Matchers.predicate(e -> e instanceof RuleViolation violation
                        && violation.kind() == RuleViolation.Kind.NOT_FOUND))
                .expectNoEvents();
    }

    @Test
    void missingAPaidBillIsAConflict() {
        fixture.given(OPENED, JANUARY, new PaymentApplied(ID, "P1", 20_000, LocalDate.of(2026, 12, 20),
                        List.of(new BillAllocation(ID + "-2027-01", 20_000, 0)), 0, 0))
                .when(new MissPaymentCommand(ID, ID + "-2027-01", LocalDate.of(2026, 12, 24), "operator"))
                .expectException(Matchers.predicate(e -> e instanceof RuleViolation violation
                        && violation.kind() == RuleViolation.Kind.CONFLICT && violation.slug().equals("bill-paid")))
                .expectNoEvents();
    }

    @Test
    void missingTwiceIsAConflict() {
        fixture.given(OPENED, JANUARY, new PaymentMissed(ID, ID + "-2027-01", "2027-01", LocalDate.of(2026, 12, 23),
                        20_000, LocalDate.of(2026, 12, 24), "calendar"))
                .when(new MissPaymentCommand(ID, ID + "-2027-01", LocalDate.of(2026, 12, 25), "operator"))
                .expectException(Matchers.predicate(e -> e instanceof RuleViolation violation
                        && violation.slug().equals("already-missed")))
                .expectNoEvents();
    }

    @Test
    void theCalendarMissesEveryOpenBillDueBeforeTheBusinessDate() {
        PaymentApplied partial = new PaymentApplied(ID, "P1", 5_000, LocalDate.of(2026, 12, 20),
                List.of(new BillAllocation(ID + "-2027-01", 5_000, 15_000)), 0, 35_000);
        fixture.given(OPENED, JANUARY, FEBRUARY, partial)
                .when(new DecideMissedPaymentsCommand(ID, LocalDate.of(2027, 1, 24)))
                .expectEvents(
                        new PaymentMissed(ID, ID + "-2027-01", "2027-01", LocalDate.of(2026, 12, 23), 15_000,
                                LocalDate.of(2027, 1, 24), "calendar"),
                        new PaymentMissed(ID, ID + "-2027-02", "2027-02", LocalDate.of(2027, 1, 23), 20_000,
                                LocalDate.of(2027, 1, 24), "calendar"));
    }

    @Test
    void theCalendarSkipsPaidBillsBillsNotYetDueAndBillsAlreadyMissed() {
        fixture.given(OPENED, JANUARY, FEBRUARY,
                        new PaymentApplied(ID, "P1", 20_000, LocalDate.of(2026, 12, 20),
                                List.of(new BillAllocation(ID + "-2027-01", 20_000, 0)), 0, 20_000))
                .when(new DecideMissedPaymentsCommand(ID, LocalDate.of(2027, 1, 23)))
                .expectNoEvents();
        PaymentMissed february = new PaymentMissed(ID, ID + "-2027-02", "2027-02", LocalDate.of(2027, 1, 23), 20_000,
                LocalDate.of(2027, 1, 24), "calendar");
        fixture.given(OPENED, JANUARY, FEBRUARY,
                        new PaymentApplied(ID, "P1", 20_000, LocalDate.of(2026, 12, 20),
                                List.of(new BillAllocation(ID + "-2027-01", 20_000, 0)), 0, 20_000), february)
                .when(new DecideMissedPaymentsCommand(ID, LocalDate.of(2027, 1, 25)))
                .expectNoEvents();
    }
}
