package com.premiumledger.payment.payment;

import static org.assertj.core.api.Assertions.assertThat;

import com.premiumledger.platform.idempotency.RequestHash;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.premiumledger.payment.PaymentProperties;
import com.premiumledger.payment.payment.PaymentRequests.CardDetails;
import com.premiumledger.payment.payment.PaymentRequests.RecordPaymentRequest;
import com.premiumledger.platform.web.RuleViolation;
import java.time.LocalDate;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PaymentRequestMapperTest {

    private static final LocalDate BUSINESS_DATE = LocalDate.of(2027, 3, 10);
    private static final PaymentProperties DEFAULTS = PaymentProperties.defaults();

    private static RecordPaymentRequest request(String method, LocalDate receivedDate, CardDetails card,
                                                String bankLastFour, String checkNumber, String moneyOrderNumber) {
        return new RecordPaymentRequest("A000000001", 20_000L, method, "MAIL", receivedDate, card, bankLastFour,
                checkNumber, moneyOrderNumber);
    }

    private static RecordPaymentCommand map(RecordPaymentRequest request, PaymentProperties properties) {
        return PaymentRequestMapper.toCommand(request, "key-1", "service", BUSINESS_DATE, properties);
    }

    private static void assertRefused(RecordPaymentRequest request, PaymentProperties properties, String slug) {
        assertThatThrownBy(() -> map(request, properties)).isInstanceOfSatisfying(RuleViolation.class,
                violation -> assertThat(violation.slug()).isEqualTo(slug));
    }

    @Test
    void receivedDateDefaultsToTheBusinessDate() {
        RecordPaymentCommand command = map(request("CHECK", null, null, null, "1042", null), DEFAULTS);
        assertThat(command.receivedDate()).isEqualTo(BUSINESS_DATE);
        assertThat(command.reference()).isEqualTo("1042");
        assertThat(command.paymentId()).isNull();
        assertThat(command.recordedBy()).isEqualTo("service");
        assertThat(command.idempotencyKey()).isEqualTo("key-1");
    }

    @Test
    void mapsEachMethodsDetails() {
        RecordPaymentCommand card = map(request("CARD", null, new CardDetails("AMEX", "0005"), null, null, null),
                DEFAULTS);
        assertThat(card.cardBrand()).isEqualTo("AMEX");
        assertThat(card.lastFour()).isEqualTo("0005");
        assertThat(map(request("ACH", null, null, "6789", null, null), DEFAULTS).lastFour()).isEqualTo("6789");
        assertThat(map(request("MONEY_ORDER", null, null, null, null, "MO-778899"), DEFAULTS).reference())
                .isEqualTo("MO-778899");
    }

    @Test
    void aReceivedDateAfterTheBusinessDateOrTooLongBeforeIsRefused() {
        assertRefused(request("CHECK", BUSINESS_DATE.plusDays(1), null, null, "1042", null), DEFAULTS,
                "received-date-in-future");
        assertRefused(request("CHECK", BUSINESS_DATE.minusDays(367), null, null, "1042", null), DEFAULTS,
                "received-date-too-old");
        assertThat(map(request("CHECK", BUSINESS_DATE.minusDays(366), null, null, "1042", null), DEFAULTS)
                .receivedDate()).isEqualTo(BUSINESS_DATE.minusDays(366));
    }

    @Test
    void aDeploymentWithoutCardsRefusesThem() {
        PaymentProperties noCards = DEFAULTS.withAcceptedMethods(Set.of(PaymentMethod.ACH, PaymentMethod.CHECK,
                PaymentMethod.MONEY_ORDER));
        assertRefused(request("CARD", null, new CardDetails("VISA", "4242"), null, null, null), noCards,
                "payment-method-not-accepted");
    }

    @Test
    void detailsOfAnotherMethodAreRefused() {
        assertRefused(request("ACH", null, new CardDetails("VISA", "4242"), "6789", null, null), DEFAULTS,
                "payment-details-mismatch");
        assertRefused(request("CHECK", null, null, null, "1042", "MO-1"), DEFAULTS, "payment-details-mismatch");
    }

    @Test
    void aFullNumberInAnyFieldIsRefusedWithoutBeingRepeated() {
        RecordPaymentRequest request = request("CHECK", null, null, null, "4111-1111-1111-1111", null);
        assertThatThrownBy(() -> map(request, DEFAULTS)).isInstanceOfSatisfying(RuleViolation.class, violation -> {
            assertThat(violation.slug()).isEqualTo("full-card-number-rejected");
            assertThat(violation.getMessage()).doesNotContain("4111");
        });
        assertRefused(request("CARD", null, new CardDetails("VISA", "4111111111111111"), null, null, null), DEFAULTS,
                "full-card-number-rejected");
    }

    @Test
    void theRequestHashIgnoresNothingButLayout() {
        RecordPaymentRequest first = request("CHECK", null, null, null, "1042", null);
        RecordPaymentRequest same = request("CHECK", null, null, null, "1042", null);
        RecordPaymentRequest other = request("CHECK", null, null, null, "1043", null);
        assertThat(RequestHash.of(first, "service", null)).isEqualTo(RequestHash.of(same, "service", null)).hasSize(64);
        assertThat(RequestHash.of(first, "service", null)).isNotEqualTo(RequestHash.of(other, "service", null));
        assertThat(RequestHash.of(first, "service", null)).isNotEqualTo(RequestHash.of(first, "other-service", null));
    }
}
