package com.premiumledger.payment.payment;

import com.premiumledger.events.PaymentRecorded;
import com.premiumledger.payment.PaymentProperties;
import com.premiumledger.platform.web.RuleViolation;
import java.time.LocalDate;
import java.util.Set;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.axonframework.test.matchers.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class PaymentTest {

    private static final String ID = "5f0c8a34-0000-4000-8000-000000000001";
    private static final LocalDate RECEIVED = LocalDate.of(2027, 2, 1);

    private FixtureConfiguration<Payment> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Payment.class);
        fixture.registerInjectableResource(PaymentProperties.defaults());
    }

    private static RecordPaymentCommand command(long amountCents, String method, String brand, String lastFour,
                                                String reference) {
        return new RecordPaymentCommand(ID, "A000000001", amountCents, method, "ONLINE", RECEIVED, brand, lastFour,
                reference, "key-1", "service", false);
    }

    private void expectInvalid(RecordPaymentCommand command, String slug) {
        fixture.givenNoPriorActivity()
                .when(command)
                .expectNoEvents()
                .expectException(Matchers.predicate(e -> e instanceof RuleViolation violation
                        && violation.kind() == RuleViolation.Kind.INVALID && violation.slug().equals(slug)));
    }

    @Test
    void recordsACardPaymentWithBrandAndLastFourOnly() {
        fixture.givenNoPriorActivity()
                .when(command(20_000, "CARD", "VISA", "4242", null))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new PaymentRecorded(ID, "A000000001", 20_000, "CARD", "ONLINE", RECEIVED, "VISA", "4242",
                        null, "key-1", "service"));
    }

    @Test
    void recordsACheckWithItsNumber() {
        fixture.givenNoPriorActivity()
                .when(command(15_000, "CHECK", null, null, "1042"))
                .expectEvents(new PaymentRecorded(ID, "A000000001", 15_000, "CHECK", "ONLINE", RECEIVED, null, null,
                        "1042", "key-1", "service"));
    }

    @Test
    void refusesAmountsOutsideTheLimits() {
        expectInvalid(command(0, "ACH", null, "6789", null), "amount-out-of-range");
        expectInvalid(command(10_000_001, "ACH", null, "6789", null), "amount-out-of-range");
    }

    @Test
    void refusesAMethodTheDeploymentDoesNotAccept() {
        fixture = new AggregateTestFixture<>(Payment.class);
        fixture.registerInjectableResource(PaymentProperties.defaults()
                .withAcceptedMethods(Set.of(PaymentMethod.ACH, PaymentMethod.CHECK)));
        expectInvalid(command(1_000, "CARD", "VISA", "4242", null), "payment-method-not-accepted");
    }

    @Test
    void refusesUnknownMethodsAndChannels() {
        expectInvalid(command(1_000, "BITCOIN", null, null, null), "payment-method-not-accepted");
        expectInvalid(new RecordPaymentCommand(ID, "A000000001", 1_000, "ACH", "FAX", RECEIVED, null, "6789", null,
                "key-1", "service", false), "unknown-channel");
    }

    @Test
    void aCardNeedsAnAcceptedBrandAndFourDigits() {
        expectInvalid(command(1_000, "CARD", null, "4242", null), "card-brand-not-accepted");
        expectInvalid(command(1_000, "CARD", "DINERS", "4242", null), "card-brand-not-accepted");
        expectInvalid(command(1_000, "CARD", "VISA", "424", null), "invalid-last-four");
        expectInvalid(command(1_000, "CARD", "VISA", "42a2", null), "invalid-last-four");
    }

    @Test
    void eachMethodNeedsItsOwnDetailsAndNoOthers() {
        expectInvalid(command(1_000, "ACH", null, null, null), "invalid-last-four");
        expectInvalid(command(1_000, "CHECK", null, null, null), "reference-required");
        expectInvalid(command(1_000, "MONEY_ORDER", null, null, " "), "reference-required");
        expectInvalid(command(1_000, "CHECK", null, null, "no/slashes"), "invalid-reference");
        expectInvalid(command(1_000, "CHECK", null, "6789", "1042"), "payment-details-mismatch");
        expectInvalid(command(1_000, "ACH", "VISA", "6789", null), "payment-details-mismatch");
    }

    @Test
    void neverRecordsAFullCardNumber() {
        expectInvalid(command(1_000, "CHECK", null, null, "4111 1111 1111 1111"), "full-card-number-rejected");
        expectInvalid(command(1_000, "CARD", "VISA", "4111111111111111", null), "full-card-number-rejected");
    }

    @Test
    void needsAPaymentIdAndAReceivedDate() {
        expectInvalid(new RecordPaymentCommand(" ", "A000000001", 1_000, "ACH", "ONLINE", RECEIVED, null, "6789",
                null, "key-1", "service", false), "payment-id-required");
        expectInvalid(new RecordPaymentCommand(ID, "A000000001", 1_000, "ACH", "ONLINE", null, null, "6789",
                null, "key-1", "service", false), "received-date-required");
    }
}
