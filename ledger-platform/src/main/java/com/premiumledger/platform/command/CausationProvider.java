package com.premiumledger.platform.command;

import java.util.Map;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.correlation.CorrelationDataProvider;

/**
 * What every event a message causes carries of it: {@code traceId}, the correlation id of the whole chain (from the
 * HTTP request, or continued from the event a consumer reacted to), and {@code correlationId}, Axon's name for the
 * direct cause: the event that made a consumer send the command, else the command itself. They go out as
 * {@code ce_correlationid} and {@code ce_causationid}.
 */
public class CausationProvider implements CorrelationDataProvider {

    @Override
    public Map<String, ?> correlationDataFor(Message<?> message) {
        Object trace = message.getMetaData().get(LedgerCommands.TRACE_ID);
        Object causation = message.getMetaData().get(LedgerCommands.CAUSATION_ID);
        return Map.of(
                LedgerCommands.TRACE_ID, trace != null ? trace : message.getIdentifier(),
                "correlationId", causation != null ? causation : message.getIdentifier());
    }
}
