package com.premiumledger.coverage.billing;

import com.premiumledger.coverage.lifecycle.RecordBillPaymentCommand;
import com.premiumledger.coverage.lifecycle.RecordMissedPaymentCommand;
import com.premiumledger.coverage.lifecycle.StartCoverageCommand;
import com.premiumledger.events.AccountOpened;
import com.premiumledger.events.LedgerEvent;
import com.premiumledger.events.PaymentApplied;
import com.premiumledger.events.PaymentMissed;
import com.premiumledger.events.Topics;
import com.premiumledger.platform.consumer.EventStreamHandler;
import com.premiumledger.platform.consumer.ReceivedEvent;
import java.util.List;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Turns the billing facts that move coverage into coverage commands, in each account's event order. The
 * billing event id travels as the cause, so every status change points at the event behind it.
 */
@Component
class BillingEventsHandler implements EventStreamHandler {

    private static final Logger log = LoggerFactory.getLogger(BillingEventsHandler.class);

    private final CoverageCommands commands;

    BillingEventsHandler(CoverageCommands commands) {
        this.commands = commands;
    }

    @Override
    public String name() {
        return "billing-events";
    }

    @Override
    public List<String> topics() {
        return List.of(Topics.BILLING);
    }

    @Override
    public void handle(ReceivedEvent event) {
        LedgerEvent payload = event.payload();
        if (payload instanceof AccountOpened opened) {
            start(opened, event.eventId());
        } else if (payload instanceof PaymentApplied applied) {
            commands.send(new RecordBillPaymentCommand(applied.accountId(), applied.allocations(),
                    applied.accountOpenAfterCents(), applied.receivedDate(), event.eventId()));
        } else if (payload instanceof PaymentMissed missed) {
            commands.send(new RecordMissedPaymentCommand(missed.accountId(), missed.billId(), missed.businessDate(),
                    event.eventId()));
        }
    }

    private void start(AccountOpened opened, String eventId) {
        try {
            commands.send(new StartCoverageCommand(opened.accountId(), opened.program(), opened.coverageStart(),
                    eventId));
        } catch (AggregateStreamCreationException alreadyStarted) {
            // Redelivery after a crash between the command and the offset commit: coverage already exists.
            log.debug("coverage for {} already started; AccountOpened {} redelivered", opened.accountId(), eventId);
        }
    }
}
