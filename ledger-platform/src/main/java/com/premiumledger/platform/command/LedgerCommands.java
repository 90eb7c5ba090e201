package com.premiumledger.platform.command;

import com.premiumledger.platform.PlatformProperties;
import com.premiumledger.platform.consumer.ReceivedEvent;
import com.premiumledger.platform.web.RuleViolation;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.slf4j.MDC;

/**
 * The one way services send commands. Every command carries who issued it ({@code issuedBy}, the audit trail) and
 * where it comes from: the HTTP request's correlation id, or, for a command a consumer sends because of an event,
 * that event's correlation id with the event's id as causation ({@link CausationProvider} puts both on every event
 * the command causes, as {@code ce_correlationid} and {@code ce_causationid}).
 *
 * <p>Waiting is bounded by {@code premium.command.timeout}: past it the caller gets a
 * {@link TimedOut} (503 with {@code Retry-After}), never a hang and never Axon's silent null. A
 * command that lost an optimistic-concurrency race is sent again, up to {@code premium.command.concurrency-retries}
 * times (the aggregate is loaded afresh each time). Refusals callers act on (a rule, an unknown aggregate, one that
 * exists) come out as themselves, however the gateway wrapped them.
 */
public class LedgerCommands {

    /** Metadata keys of a command (and, through {@link CausationProvider}, of its events). */
    public static final String ISSUED_BY = "issuedBy";
    public static final String TRACE_ID = "traceId";
    public static final String CAUSATION_ID = "causationId";
    /** The MDC keys of the correlation and causation ids, for log lines. */
    public static final String MDC_CORRELATION = "correlationId";
    public static final String MDC_CAUSATION = "causationId";

    private final CommandGateway gateway;
    private final PlatformProperties.Command properties;

    public LedgerCommands(CommandGateway gateway, PlatformProperties.Command properties) {
        this.gateway = gateway;
        this.properties = properties;
    }

    /** A command from a request: correlated by the request's id in the MDC, if any. */
    public <R> R send(Object command, String issuedBy) {
        Map<String, Object> metadata = new HashMap<>();
        metadata.put(ISSUED_BY, issuedBy);
        String correlation = MDC.get(MDC_CORRELATION);
        if (correlation != null) {
            metadata.put(TRACE_ID, correlation);
        }
        return sendWithRetries(command, metadata);
    }

    /** The event a consumer sends a command because of: its id, and the correlation it continues. */
    public record Cause(String correlationId, String eventId) {

        public static Cause of(ReceivedEvent event) {
            return new Cause(event.envelope().correlationId(), event.eventId());
        }
    }

    /** A command a consumer sends because of {@code cause}: it continues the event's correlation. */
    public <R> R send(Object command, String issuedBy, ReceivedEvent cause) {
        return send(command, issuedBy, Cause.of(cause));
    }

    /** A command a consumer sends because of {@code cause}: it continues the event's correlation. */
    public <R> R send(Object command, String issuedBy, Cause cause) {
        Map<String, Object> metadata = new HashMap<>();
        metadata.put(ISSUED_BY, issuedBy);
        if (cause.correlationId() != null) {
            metadata.put(TRACE_ID, cause.correlationId());
        }
        metadata.put(CAUSATION_ID, cause.eventId());
        return sendWithRetries(command, metadata);
    }

    private <R> R sendWithRetries(Object command, Map<String, Object> metadata) {
        for (int attempt = 0; ; attempt++) {
            try {
                return sendOnce(GenericCommandMessage.asCommandMessage(command).andMetaData(metadata));
            } catch (ConcurrencyException e) {
                if (attempt >= properties.concurrencyRetries()) {
                    throw e;
                }
            }
        }
    }

    private <R> R sendOnce(CommandMessage<?> message) {
        CompletableFuture<R> result = gateway.send(message);
        Duration timeout = properties.timeout();
        try {
            return result.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            result.cancel(false);
            throw new TimedOut(message.getCommandName(), timeout, properties.retryAfter());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TimedOut(message.getCommandName(), timeout, properties.retryAfter());
        } catch (ExecutionException e) {
            throw unwrap(e.getCause());
        }
    }

    private static RuntimeException unwrap(Throwable failure) {
        Throwable cause = failure;
        if (cause instanceof CommandExecutionException execution && execution.getCause() != null) {
            cause = execution.getCause();
        }
        if (cause instanceof RuleViolation || cause instanceof AggregateNotFoundException
                || cause instanceof AggregateStreamCreationException || cause instanceof ConcurrencyException) {
            return (RuntimeException) cause;
        }
        if (failure instanceof RuntimeException runtime) {
            return runtime;
        }
        return new IllegalStateException(failure.getMessage(), failure);
    }

    /**
     * A command got no answer within {@code premium.command.timeout}. Its outcome is unknown (it may still be
     * applied), so the caller is told to retry after a while: with the same {@code Idempotency-Key}, or for a
     * consumer by the redelivery that its failure causes; either way the retry is idempotent.
     */
    public static class TimedOut extends RuntimeException {

        private final Duration retryAfter;

        TimedOut(String commandName, Duration timeout, Duration retryAfter) {
            super(commandName.substring(commandName.lastIndexOf('.') + 1) + " got no answer within " + timeout
                    + "; retry later");
            this.retryAfter = retryAfter;
        }

        public Duration retryAfter() {
            return retryAfter;
        }
    }

    /**
     * What every event a message causes carries of it: {@code traceId}, the correlation id of the whole chain (from
     * the HTTP request, or continued from the event a consumer reacted to), and {@code correlationId}, Axon's name
     * for the direct cause: the event that made a consumer send the command, else the command itself. They go out
     * as {@code ce_correlationid} and {@code ce_causationid}.
     */
    public static class CausationProvider implements CorrelationDataProvider {

        @Override
        public Map<String, ?> correlationDataFor(Message<?> message) {
            Object trace = message.getMetaData().get(TRACE_ID);
            Object causation = message.getMetaData().get(CAUSATION_ID);
            return Map.of(TRACE_ID, trace != null ? trace : message.getIdentifier(),
                    "correlationId", causation != null ? causation : message.getIdentifier());
        }
    }
}
