package com.premiumledger.coverage.billing;

import com.premiumledger.coverage.CoverageProperties;
import com.premiumledger.coverage.CoverageServiceApplication;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.stereotype.Component;

/** Sends commands with who issued them, so every coverage event names its author (the audit trail). */
@Component
class CoverageCommands {

    /** Commands here follow from billing events and closed days, not from a person: the service issues them. */
    static final String ISSUED_BY = CoverageServiceApplication.NAME;

    private final CommandGateway commandGateway;
    private final long timeoutMillis;

    CoverageCommands(CommandGateway commandGateway, CoverageProperties properties) {
        this.commandGateway = commandGateway;
        this.timeoutMillis = properties.commandTimeout().toMillis();
    }

    /** The command handler's answer (the aggregate id for a creation). */
    <R> R send(Object command) {
        return commandGateway.sendAndWait(GenericCommandMessage.asCommandMessage(command)
                .andMetaData(Map.of("issuedBy", ISSUED_BY)), timeoutMillis, TimeUnit.MILLISECONDS);
    }
}
