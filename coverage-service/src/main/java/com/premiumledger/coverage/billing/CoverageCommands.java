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

    /** Commands here follow from billing events, not from a person: the service itself issues them. */
    static final String ISSUED_BY = CoverageServiceApplication.NAME;

    private final CommandGateway commandGateway;
    private final long timeoutMillis;

    CoverageCommands(CommandGateway commandGateway, CoverageProperties properties) {
        this.commandGateway = commandGateway;
        this.timeoutMillis = properties.commandTimeout().toMillis();
    }

    void send(Object command) {
        commandGateway.sendAndWait(GenericCommandMessage.asCommandMessage(command)
                .andMetaData(Map.of("issuedBy", ISSUED_BY)), timeoutMillis, TimeUnit.MILLISECONDS);
    }
}
