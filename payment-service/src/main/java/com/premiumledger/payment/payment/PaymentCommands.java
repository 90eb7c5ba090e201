package com.premiumledger.payment.payment;

import com.premiumledger.payment.PaymentProperties;
import com.premiumledger.platform.web.RuleViolation;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.springframework.stereotype.Component;

/**
 * Sends payment commands with who issued them, and surfaces the refusals callers act on (a rule, an unknown
 * payment, a payment that already exists) as themselves, however the gateway wrapped them.
 */
@Component
class PaymentCommands {

    private final CommandGateway commandGateway;
    private final PaymentProperties properties;

    PaymentCommands(CommandGateway commandGateway, PaymentProperties properties) {
        this.commandGateway = commandGateway;
        this.properties = properties;
    }

    /** The handler's answer; a timeout without one is a failure that leaves the request to be retried. */
    <R> R send(Object command, String issuedBy) {
        R result;
        try {
            result = commandGateway.sendAndWait(GenericCommandMessage.asCommandMessage(command)
                            .andMetaData(Map.of("issuedBy", issuedBy)),
                    properties.commandTimeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (CommandExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuleViolation || cause instanceof AggregateNotFoundException
                    || cause instanceof AggregateStreamCreationException) {
                throw (RuntimeException) cause;
            }
            throw e;
        }
        if (result == null) {
            throw new IllegalStateException(command.getClass().getSimpleName() + " got no answer within "
                    + properties.commandTimeout());
        }
        return result;
    }
}
