package com.premiumledger.platform.command;

import java.time.Duration;

/**
 * A command got no answer within {@code premium.command.timeout}. Its outcome is unknown (it may still be
 * applied), so the caller is told to retry after a while: with the same {@code Idempotency-Key}, or for a consumer
 * by the redelivery that its failure causes; either way the retry is idempotent.
 */
public class CommandTimeoutException extends RuntimeException {

    private final Duration retryAfter;

    CommandTimeoutException(String commandName, Duration timeout, Duration retryAfter) {
        super(simpleName(commandName) + " got no answer within " + timeout + "; retry later");
        this.retryAfter = retryAfter;
    }

    public Duration retryAfter() {
        return retryAfter;
    }

    private static String simpleName(String commandName) {
        return commandName.substring(commandName.lastIndexOf('.') + 1);
    }
}
