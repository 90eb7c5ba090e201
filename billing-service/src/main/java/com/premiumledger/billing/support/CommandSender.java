package com.premiumledger.billing.support;

import com.premiumledger.billing.BillingProperties;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.stereotype.Component;

/** Sends commands with who issued them, so every event they cause carries its author (the audit trail). */
@Component
public class CommandSender {

    /** The author of decisions the business calendar makes. */
    public static final String CALENDAR = "calendar";
    /** The author of payment applications, which follow from payments the payment service recorded. */
    public static final String PAYMENT_APPLICATION = "payment-application";

    private final CommandGateway commandGateway;
    private final long timeoutMillis;

    CommandSender(CommandGateway commandGateway, BillingProperties properties) {
        this.commandGateway = commandGateway;
        this.timeoutMillis = properties.commandTimeout().toMillis();
    }

    public <R> R send(Object command, String issuedBy) {
        return commandGateway.sendAndWait(GenericCommandMessage.asCommandMessage(command)
                .andMetaData(Map.of("issuedBy", issuedBy)), timeoutMillis, TimeUnit.MILLISECONDS);
    }
}
