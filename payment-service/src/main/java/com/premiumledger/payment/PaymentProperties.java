package com.premiumledger.payment;

import com.premiumledger.payment.payment.CardBrand;
import com.premiumledger.payment.payment.PaymentChannel;
import com.premiumledger.payment.payment.PaymentMethod;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Every payment rule and limit.
 *
 * @param acceptedMethods payment methods this deployment takes (the real exchange takes no cards); may be
 *     empty only in a deployment that records no payments at all
 * @param acceptedCardBrands card brands taken when CARD is accepted
 * @param amountMaxCents the largest single payment
 * @param receivedDateDaysBackMax how far before the business date a payment's received date may be
 * @param referenceLengthMax characters of a check or money order number
 * @param accountIdLengthMax characters of an account id
 * @param paymentsPerAccountMax payments one account's history document holds (bounds its size)
 * @param historyPageSizeDefault payments listed when the request names no limit
 * @param historyPageSizeMax payments one request may list
 * @param unappliedChannels channels whose payments for an unknown account go to the unapplied queue (a mailed
 *     check quoting a wrong number is real cash); on other channels such a payment is refused with 404
 * @param unappliedQueueMax payments the unapplied queue's index document holds (bounds its size)
 * @param refundsPerPaymentMax refunds one payment may be asked for
 * @param reversedDateDaysBackMax how far before the business date a reversal's date may be
 */
@Validated
@ConfigurationProperties("premium.payment")
public record PaymentProperties(
        @NotNull @DefaultValue({"CARD", "ACH", "CHECK", "MONEY_ORDER"}) Set<PaymentMethod> acceptedMethods,
        @NotNull @DefaultValue({"VISA", "MASTERCARD", "DISCOVER", "AMEX"}) Set<CardBrand> acceptedCardBrands,
        @Min(1) @DefaultValue("10000000") long amountMaxCents,
        @Min(0) @DefaultValue("366") int receivedDateDaysBackMax,
        @Min(1) @Max(255) @DefaultValue("32") int referenceLengthMax,
        @Min(1) @Max(255) @DefaultValue("64") int accountIdLengthMax,
        @Min(1) @DefaultValue("5000") int paymentsPerAccountMax,
        @Min(1) @DefaultValue("100") int historyPageSizeDefault,
        @Min(1) @DefaultValue("500") int historyPageSizeMax,
        @NotNull @DefaultValue("MAIL") Set<PaymentChannel> unappliedChannels,
        @Min(1) @DefaultValue("10000") int unappliedQueueMax,
        @Min(1) @Max(1000) @DefaultValue("20") int refundsPerPaymentMax,
        @Min(0) @DefaultValue("366") int reversedDateDaysBackMax) {

    /** Defaults, for tests and tools that build the rules without Spring. */
    public static PaymentProperties defaults() {
        return new PaymentProperties(Set.of(PaymentMethod.values()), Set.of(CardBrand.values()), 10_000_000,
                366, 32, 64, 5000, 100, 500,
                Set.of(PaymentChannel.MAIL), 10_000, 20, 366);
    }

    public PaymentProperties withAcceptedMethods(Set<PaymentMethod> methods) {
        return new PaymentProperties(methods, acceptedCardBrands, amountMaxCents, receivedDateDaysBackMax, referenceLengthMax, accountIdLengthMax,
                paymentsPerAccountMax, historyPageSizeDefault, historyPageSizeMax, unappliedChannels,
                unappliedQueueMax, refundsPerPaymentMax, reversedDateDaysBackMax);
    }
}
