package com.premiumledger.platform.command;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How commands are sent ({@link LedgerCommands}).
 *
 * @param timeout how long a caller (an HTTP request or a consumer) waits for a command's answer
 * @param retryAfter what a 503 for a timed-out command tells the client to wait ({@code Retry-After})
 * @param concurrencyRetries how often a command that lost an optimistic-concurrency race is sent again
 */
@Validated
@ConfigurationProperties("premium.command")
public record CommandProperties(
        @NotNull @DefaultValue("10s") Duration timeout,
        @NotNull @DefaultValue("5s") Duration retryAfter,
        @Min(0) @Max(20) @DefaultValue("3") int concurrencyRetries) {

    public CommandProperties {
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("premium.command.timeout must be positive; got " + timeout);
        }
        if (retryAfter.isNegative() || retryAfter.toSeconds() < 1) {
            throw new IllegalArgumentException("premium.command.retry-after must be at least 1s; got " + retryAfter);
        }
    }
}
