package com.premiumledger.platform.command;

import com.premiumledger.platform.PlatformProperties;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import com.premiumledger.events.DayClosed;
import com.premiumledger.events.EventEnvelope;
import com.premiumledger.events.Topics;
import com.premiumledger.platform.consumer.ReceivedEvent;
import com.premiumledger.platform.web.ProblemHandler;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.ConcurrencyException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.slf4j.MDC;

class LedgerCommandsTest {

    record Ping(String id) {
    }

    final CommandGateway gateway = mock(CommandGateway.class);
    final LedgerCommands commands = new LedgerCommands(gateway,
            new PlatformProperties.Command(Duration.ofMillis(200), Duration.ofSeconds(7), 2));

    @AfterEach
    void clearMdc() {
        MDC.clear();
    }

    @Test
    void aCommandWithoutAnAnswerInTimeIsA503WithRetryAfterNotAHangOrANull() {
        when(gateway.send(any(CommandMessage.class))).thenReturn(new CompletableFuture<>());

        long started = System.nanoTime();
        assertThatThrownBy(() -> commands.send(new Ping("1"), "test"))
                .isInstanceOfSatisfying(LedgerCommands.TimedOut.class, timeout -> {
                    var response = new ProblemHandler().commandTimeout(timeout);
                    assertThat(response.getStatusCode().value()).isEqualTo(503);
                    assertThat(response.getHeaders().getFirst("Retry-After")).isEqualTo("7");
                    assertThat(response.getBody().getType().toString()).endsWith("/command-timeout");
                })
                .hasMessageContaining("Ping got no answer within PT0.2S");
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
    }

    @Test
    void aLostConcurrencyRaceIsSentAgainUpToTheLimit() {
        when(gateway.send(any(CommandMessage.class)))
                .thenReturn(CompletableFuture.failedFuture(new ConcurrencyException("raced")))
                .thenReturn(CompletableFuture.failedFuture(new ConcurrencyException("raced again")))
                .thenReturn(CompletableFuture.completedFuture("done"));
        assertThat((String) commands.send(new Ping("2"), "test")).isEqualTo("done");

        when(gateway.send(any(CommandMessage.class)))
                .thenReturn(CompletableFuture.failedFuture(new ConcurrencyException("always")));
        assertThatThrownBy(() -> commands.send(new Ping("3"), "test")).isInstanceOf(ConcurrencyException.class);
        verify(gateway, times(3 + 3)).send(any(CommandMessage.class));
    }

    @Test
    void aCommandCarriesItsRequestsCorrelationOrItsCausingEvent() {
        when(gateway.send(any(CommandMessage.class))).thenReturn(CompletableFuture.completedFuture(null));
        MDC.put(LedgerCommands.MDC_CORRELATION, "req-42");
        commands.send(new Ping("4"), "service");
        EventEnvelope cause = new EventEnvelope("event-7", "com.premiumledger.billing.DayClosed.v1", "/test", "CAL",
                Instant.now(), "CAL", 3, "req-1", "cmd-1", new DayClosed(LocalDate.of(2027, 1, 1), null, "operator"));
        commands.send(new Ping("5"), "calendar", new ReceivedEvent(cause, Topics.BILLING, 0, 9));

        @SuppressWarnings("unchecked")
        ArgumentCaptor<CommandMessage<?>> sent = ArgumentCaptor.forClass(CommandMessage.class);
        verify(gateway, times(2)).send(sent.capture());
        assertThat(sent.getAllValues().get(0).getMetaData())
                .containsEntry("issuedBy", "service").containsEntry("traceId", "req-42");
        CommandMessage<?> reaction = sent.getAllValues().get(1);
        assertThat(reaction.getMetaData()).containsEntry("issuedBy", "calendar").containsEntry("traceId", "req-1")
                .containsEntry("causationId", "event-7");
        assertThat(new LedgerCommands.CausationProvider().correlationDataFor(reaction))
                .isEqualTo(Map.of("traceId", "req-1", "correlationId", "event-7"));
        CommandMessage<?> bare = GenericCommandMessage.asCommandMessage(new Ping("6"));
        assertThat(new LedgerCommands.CausationProvider().correlationDataFor(bare))
                .isEqualTo(Map.of("traceId", bare.getIdentifier(), "correlationId", bare.getIdentifier()));
    }
}
