package com.premiumledger.billing.payment;

import com.premiumledger.billing.account.ApplyPaymentCommand;
import com.premiumledger.billing.support.CommandSender;
import com.premiumledger.events.PaymentRecorded;
import com.premiumledger.events.Topics;
import com.premiumledger.platform.consumer.EventStreamHandler;
import com.premiumledger.platform.consumer.ReceivedEvent;
import java.util.Collection;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Applies every payment the payment service recorded to its account. Order does not matter (allocation
 * follows the bills, not the arrival order of cash) and the account ignores a payment it already applied.
 * A payment for an unknown account fails and, after the retries, lands on the dead-letter topic: never
 * dropped silently.
 */
@Component
class PaymentApplication implements EventStreamHandler {

    private final CommandSender commands;

    PaymentApplication(CommandSender commands) {
        this.commands = commands;
    }

    @Override
    public String name() {
        return "payment-application";
    }

    @Override
    public Collection<String> topics() {
        return List.of(Topics.PAYMENTS);
    }

    @Override
    public boolean ordered() {
        return false;
    }

    @Override
    public void handle(ReceivedEvent event) {
        if (event.payload() instanceof PaymentRecorded payment) {
            commands.send(new ApplyPaymentCommand(payment.accountId(), payment.paymentId(), payment.amountCents(),
                    payment.receivedDate()), CommandSender.PAYMENT_APPLICATION);
        }
    }
}
