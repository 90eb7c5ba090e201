package com.premiumledger.platform.idempotency;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import java.util.Set;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How money-moving requests are made idempotent (see {@link IdempotentRequests}).
 *
 * @param retention how long an Idempotency-Key is remembered; after that it may be used again. At least 30 days
 *     (the contract promises that much)
 * @param keyAttemptsMax rounds of losing a race for the same key before giving up with 409
 * @param bareKeyScopes scopes whose keys are stored under the key alone, not "scope key": keys stored before
 *     scopes existed (payment-service's POST /payments) must still be found
 */
@Validated
@ConfigurationProperties("premium.idempotency")
public record IdempotencyProperties(
        @NotNull @DurationMin(days = 30) @DefaultValue("30d") Duration retention,
        @Min(1) @Max(10) @DefaultValue("3") int keyAttemptsMax,
        @NotNull @DefaultValue({}) Set<String> bareKeyScopes) {

    public IdempotencyProperties {
        bareKeyScopes = Set.copyOf(bareKeyScopes);
    }

    /** Defaults, for tests and tools that build the component without Spring. */
    public static IdempotencyProperties defaults() {
        return new IdempotencyProperties(Duration.ofDays(30), 3, Set.of());
    }
}
