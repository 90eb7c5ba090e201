package com.premiumledger.notification.notice;

import com.premiumledger.platform.command.LedgerCommands;
import com.premiumledger.platform.command.LedgerCommands.Cause;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.springframework.stereotype.Component;

/** Issues notices exactly once per trigger, however often the trigger is delivered. */
@Component
public class NoticeIssuer {

    /** The author of every notice: they follow from events, not from a person's request. */
    public static final String ISSUED_BY = "notification-service";

    private final LedgerCommands commands;

    NoticeIssuer(LedgerCommands commands) {
        this.commands = commands;
    }

    /**
     * Returns true when this call issued the notice, false when it had been issued already (a redelivered,
     * replayed or re-sent trigger). Any other failure propagates, so the trigger is retried. The notice continues
     * the correlation of {@code cause}, the event that triggered it.
     */
    public boolean issue(IssueNoticeCommand command, Cause cause) {
        try {
            commands.send(command, ISSUED_BY, cause);
            return true;
        } catch (AggregateStreamCreationException alreadyIssued) {
            // The notice's stream exists: its NoticeIssued is stored and on its way; nothing more to do.
            return false;
        }
    }
}
