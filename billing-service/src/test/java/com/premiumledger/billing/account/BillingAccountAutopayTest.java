package com.premiumledger.billing.account;

import com.premiumledger.billing.BillingProperties;
import com.premiumledger.events.AccountOpened;
import com.premiumledger.events.AutopayCancelled;
import com.premiumledger.events.AutopayEnrolled;
import com.premiumledger.events.AutopayFailed;
import com.premiumledger.events.BillIssued;
import com.premiumledger.events.MailingAddress;
import com.premiumledger.platform.web.RuleViolation;
import java.time.LocalDate;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.axonframework.test.matchers.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The account's contact details for notices, and autopay enrollment, cancellation and reported failures. */
class BillingAccountAutopayTest {

    static final String ID = "A000000007";
    static final LocalDate START = LocalDate.of(2027, 1, 1);
    static final LocalDate TODAY = LocalDate.of(2026, 12, 2);
    static final MailingAddress ADDRESS = new MailingAddress("100 Tremont Street", null, "Boston", "MA", "02108-1234");
    static final AccountOpened OPENED = new AccountOpened(ID, "Ana Silva", "APTC", START, "en", "ana@example.org",
            "service");
    static final BillIssued JANUARY = new BillIssued(ID, ID + "-2027-01", "2027-01", LocalDate.of(2026, 12, 23),
            50_000, 30_000, 20_000, LocalDate.of(2026, 12, 1), "service");
    static final AutopayEnrolled ENROLLED = new AutopayEnrolled(ID, "ACH", "6789", "service", TODAY);

    FixtureConfiguration<BillingAccount> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(BillingAccount.class);
        fixture.registerInjectableResource(BillingProperties.defaults());
    }

    static OpenAccountCommand open(String email, String phone, MailingAddress address, String preference) {
        return new OpenAccountCommand(ID, "Ana Silva", "APTC", START, "es", email, phone, address, preference,
                "service");
    }

    void expectRefused(OpenAccountCommand command, String slug) {
        fixture.givenNoPriorActivity().when(command)
                .expectException(RuleViolation.class)
                .expectException(Matchers.predicate(e -> ((RuleViolation) e).slug().equals(slug)))
                .expectNoEvents();
    }

    @Test
    void opensAnAccountWithContactDetailsAndAPreference() {
        fixture.givenNoPriorActivity()
                .when(open(null, "+16175550123", ADDRESS, "MAIL"))
                .expectEvents(new AccountOpened(ID, "Ana Silva", "APTC", START, "es", null, "+16175550123", ADDRESS,
                        "MAIL", "service"));
    }

    @Test
    void refusesAPhoneThatIsNotE164() {
        expectRefused(open(null, "617-555-0123", null, null), "phone");
        expectRefused(open(null, "+0617555012", null, null), "phone");
    }

    @Test
    void refusesAnAddressOutsideTheUsRules() {
        expectRefused(open(null, null, new MailingAddress("1 Main", null, "Boston", "XX", "02108"), null),
                "mailing-address");
        expectRefused(open(null, null, new MailingAddress("1 Main", null, "Boston", "MA", "2108"), null),
                "mailing-address");
        expectRefused(open(null, null, new MailingAddress(" ", null, "Boston", "MA", "02108"), null),
                "mailing-address");
    }

    @Test
    void aPreferenceNeedsTheContactItNames() {
        expectRefused(open(null, "+16175550123", ADDRESS, "EMAIL"), "notice-preference");
        expectRefused(open("ana@example.org", null, ADDRESS, "SMS"), "notice-preference");
        expectRefused(open("ana@example.org", "+16175550123", null, "MAIL"), "notice-preference");
        expectRefused(open("ana@example.org", null, null, "PIGEON"), "notice-preference");
    }

    @Test
    void enrollsInAutopay() {
        fixture.given(OPENED)
                .when(new EnrollAutopayCommand(ID, "ACH", "6789", TODAY, "service"))
                .expectEvents(ENROLLED);
    }

    @Test
    void aSecondEnrollmentIsAConflict() {
        fixture.given(OPENED, ENROLLED)
                .when(new EnrollAutopayCommand(ID, "CARD", "4242", TODAY, "service"))
                .expectException(RuleViolation.class)
                .expectException(Matchers.predicate(e -> ((RuleViolation) e).kind() == RuleViolation.Kind.CONFLICT))
                .expectNoEvents();
    }

    @Test
    void enrollmentCarriesOnlyTheLastFourOfAKnownMethod() {
        fixture.given(OPENED).when(new EnrollAutopayCommand(ID, "ACH", "4242424242424242", TODAY, "service"))
                .expectException(RuleViolation.class).expectNoEvents();
        fixture.given(OPENED).when(new EnrollAutopayCommand(ID, "CHECK", "1234", TODAY, "service"))
                .expectException(RuleViolation.class).expectNoEvents();
    }

    @Test
    void cancelsAndMayEnrollAgain() {
        AutopayCancelled cancelled = new AutopayCancelled(ID, "service", TODAY);
        fixture.given(OPENED, ENROLLED)
                .when(new CancelAutopayCommand(ID, TODAY, "service"))
                .expectEvents(cancelled);
        fixture.given(OPENED, ENROLLED, cancelled)
                .when(new EnrollAutopayCommand(ID, "CARD", "4242", TODAY, "service"))
                .expectEvents(new AutopayEnrolled(ID, "CARD", "4242", "service", TODAY));
    }

    @Test
    void cancellingWithoutAnEnrollmentIsAConflict() {
        fixture.given(OPENED)
                .when(new CancelAutopayCommand(ID, TODAY, "service"))
                .expectException(RuleViolation.class).expectNoEvents();
    }

    @Test
    void aReportedFailureIsRecordedAndPaysNothing() {
        fixture.given(OPENED, JANUARY, ENROLLED)
                .when(new ReportAutopayFailureCommand(ID, JANUARY.billId(), 20_000, " NSF ", "autopay-runner"))
                .expectEvents(new AutopayFailed(ID, JANUARY.billId(), 20_000, "NSF", "autopay-runner"));
    }

    @Test
    void aFailureForAnUnknownBillIsNotFound() {
        fixture.given(OPENED, JANUARY, ENROLLED)
                .when(new ReportAutopayFailureCommand(ID, ID + "-2031-01", 20_000, "NSF", "autopay-runner"))
                .expectException(Matchers.predicate(e -> e instanceof RuleViolation violation
                        && violation.kind() == RuleViolation.Kind.NOT_FOUND))
                .expectNoEvents();
    }

    @Test
    void aFailureOnAnAccountNotEnrolledIsAConflict() {
        fixture.given(OPENED, JANUARY)
                .when(new ReportAutopayFailureCommand(ID, JANUARY.billId(), 20_000, "NSF", "autopay-runner"))
                .expectException(Matchers.predicate(e -> e instanceof RuleViolation violation
                        && violation.kind() == RuleViolation.Kind.CONFLICT))
                .expectNoEvents();
    }

    @Test
    void aFailureNeedsAPositiveAmountAndAReason() {
        fixture.given(OPENED, JANUARY, ENROLLED)
                .when(new ReportAutopayFailureCommand(ID, JANUARY.billId(), 0, "NSF", "autopay-runner"))
                .expectException(RuleViolation.class).expectNoEvents();
        fixture.given(OPENED, JANUARY, ENROLLED)
                .when(new ReportAutopayFailureCommand(ID, JANUARY.billId(), 20_000, " ", "autopay-runner"))
                .expectException(RuleViolation.class).expectNoEvents();
    }
}
