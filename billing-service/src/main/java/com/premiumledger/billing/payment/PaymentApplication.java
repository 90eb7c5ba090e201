package com.premiumledger.billing.payment;

import com.premiumledger.billing.support.Authors;
import com.premiumledger.billing.account.ApplyPaymentCommand;
import com.premiumledger.billing.account.DecideRefundCommand;
import com.premiumledger.billing.account.ReversePaymentCommand;
import com.premiumledger.billing.calendar.BusinessDates;
import com.premiumledger.platform.command.LedgerCommands;
import com.premiumledger.events.LedgerEvent;
import com.premiumledger.events.PaymentAssigned;
import com.premiumledger.events.PaymentRecorded;
import com.premiumledger.events.PaymentReversed;
import com.premiumledger.events.RefundRequested;
import com.premiumledger.events.Topics;
import com.premiumledger.platform.consumer.EventStreamHandler;
import com.premiumledger.platform.consumer.ReceivedEvent;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * Turns what the payment service recorded into account commands: recorded and assigned payments are
 * applied, reversals taken back, refund requests decided. Order across payments does not matter (allocation
 * follows the bills, not the arrival order of cash); one account's payment events share its partition, so a
 * payment's reversal comes after it. The account is the guard: it ignores what it already did (by payment or
 * refund id; an applied payment stays applied after its reversal), so a redelivered event, also one repeated
 * after later ones, sends a command that changes nothing. A command for an unknown account fails and, after
 * the retries, lands on the dead-letter topic: never dropped silently. Unapplied payments (no account yet) reach no account until assigned.
 */
@Component
class PaymentApplication implements EventStreamHandler {

    private final LedgerCommands commands;
    private final BusinessDates businessDates;

    PaymentApplication(LedgerCommands commands, BusinessDates businessDates) {
        this.commands = commands;
        this.businessDates = businessDates;
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
    public Set<Class<? extends LedgerEvent>> eventTypes() {
        return Set.of(PaymentRecorded.class, PaymentAssigned.class, PaymentReversed.class, RefundRequested.class);
    }

    @Override
    public void handle(ReceivedEvent event) {
        Object command = toCommand(event);
        if (command != null) {
            commands.send(command, Authors.PAYMENT_APPLICATION, event);
        }
    }

    private Object toCommand(ReceivedEvent event) {
        if (event.payload() instanceof PaymentRecorded payment) {
            return new ApplyPaymentCommand(payment.accountId(), payment.paymentId(), payment.amountCents(),
                    payment.receivedDate());
        }
        if (event.payload() instanceof PaymentAssigned assigned) {
            return new ApplyPaymentCommand(assigned.accountId(), assigned.paymentId(), assigned.amountCents(),
                    assigned.receivedDate());
        }
        if (event.payload() instanceof PaymentReversed reversed && reversed.accountId() != null) {
            return new ReversePaymentCommand(reversed.accountId(), reversed.paymentId(), reversed.amountCents(),
                    reversed.reason(), reversed.reversedDate(), businessDates.current().orElse(null));
        }
        if (event.payload() instanceof RefundRequested refund) {
            return new DecideRefundCommand(refund.accountId(), refund.refundId(), refund.paymentId(),
                    refund.amountCents(), refund.method(), refund.requestedDate());
        }
        return null;
    }
}
