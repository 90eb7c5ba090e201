package com.premiumledger.notification.notice;

import com.premiumledger.notification.NotificationProperties;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.springframework.stereotype.Component;

/** Issues notices exactly once per trigger, however often the trigger is delivered. */
@Component
public class NoticeIssuer {

    /** The author of every notice: they follow from events, not from a person's request. */
    public static final String ISSUED_BY = "notification-service";

    private final CommandGateway commandGateway;
    private final long timeoutMillis;

    NoticeIssuer(CommandGateway commandGateway, NotificationProperties properties) {
        this.commandGateway = commandGateway;
        this.timeoutMillis = properties.commandTimeout().toMillis();
    }

    /**
     * Returns true when this call issued the notice, false when it had been issued already (a redelivered,
     * replayed or re-sent trigger). Any other failure propagates, so the trigger is retried.
     */
    public boolean issue(IssueNoticeCommand command) {
        try {
            commandGateway.sendAndWait(GenericCommandMessage.asCommandMessage(command)
                    .andMetaData(Map.of("issuedBy", ISSUED_BY)), timeoutMillis, TimeUnit.MILLISECONDS);
            return true;
        } catch (AggregateStreamCreationException alreadyIssued) {
            // The notice's stream exists: its NoticeIssued is stored and on its way; nothing more to do.
            return false;
        }
    }
}
