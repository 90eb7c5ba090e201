package com.premiumledger.notification;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Every notification rule and limit.
 *
 * @param pastDuePayWithinDays days after the business date that missed a payment by which a past-due
 *     warning asks the member to pay
 * @param pageSizeDefault notices one account history request returns when it names no limit
 * @param pageSizeMax notices one account history request may ask for
 * @param idLengthMax characters of an account or notice id in a request (longer ids cannot exist)
 * @param commandTimeout how long issuing one notice may wait for its command
 */
@Validated
@ConfigurationProperties("premium.notification")
public record NotificationProperties(
        @Min(1) @Max(366) @DefaultValue("30") int pastDuePayWithinDays,
        @Min(1) @DefaultValue("100") int pageSizeDefault,
        @Min(1) @DefaultValue("500") int pageSizeMax,
        @Min(1) @DefaultValue("200") int idLengthMax,
        @NotNull @DefaultValue("10s") Duration commandTimeout) {

    /** Defaults, for tests that build the rules without Spring. */
    public static NotificationProperties defaults() {
        return new NotificationProperties(30, 100, 500, 200, Duration.ofSeconds(10));
    }

    @AssertTrue(message = "page-size-default must not exceed page-size-max")
    public boolean isPageSizeDefaultWithinMax() {
        return pageSizeDefault <= pageSizeMax;
    }
}
