package com.premiumledger.payment.payment;

import com.premiumledger.events.RefundRejected;
import com.premiumledger.platform.command.LedgerCommands;
import com.premiumledger.platform.consumer.ReceivedEvent;
import org.springframework.stereotype.Component;

/**
 * Billing's decisions on refunds, fed back to the payment they were asked of: a rejected refund paid nothing
 * out, so the payment releases it and the same amount may be asked for again. A paid refund (CreditRefunded)
 * keeps counting, so it needs nothing here.
 */
@Component
public class RefundOutcomes {

    /** Who records a release: the consumer of billing's decisions. */
    public static final String RELEASED_BY = "billing-decisions";

    private final LedgerCommands commands;

    RefundOutcomes(LedgerCommands commands) {
        this.commands = commands;
    }

    /** Sends the release; an unknown payment fails (and the record goes to the dead-letter topic). */
    public void rejected(RefundRejected rejected, ReceivedEvent cause) {
        commands.<Boolean>send(new ReleaseRefundCommand(rejected.paymentId(), rejected.refundId(), rejected.reason(),
                RELEASED_BY), RELEASED_BY, cause);
    }
}
