package com.premiumledger.payment.payment;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import com.premiumledger.events.PaymentRecorded;
import com.premiumledger.payment.PaymentProperties;
import com.premiumledger.platform.web.RuleViolation;
import java.time.LocalDate;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * One payment: cash received for an account. Recording it twice is impossible by construction: the event
 * store refuses a second stream for the same payment id, which is how a retried command is recognised.
 */
@Aggregate
public class Payment {

    @AggregateIdentifier
    private String paymentId;
    // Kept for the reversal and refund commands, which need what was paid, by whom, and when.
    private String accountId;
    private long amountCents;
    private LocalDate receivedDate;

    Payment() {
        // For Axon, which rebuilds the payment from its events.
    }

    @CommandHandler
    Payment(RecordPaymentCommand command, PaymentProperties properties) {
        if (command.paymentId() == null || command.paymentId().isBlank()) {
            throw RuleViolation.invalid("payment-id-required", "a payment needs its id");
        }
        PaymentRules.check(command, properties);
        apply(new PaymentRecorded(command.paymentId(), command.accountId(), command.amountCents(), command.method(),
                command.channel(), command.receivedDate(), command.cardBrand(), command.lastFour(),
                command.reference(), command.idempotencyKey(), command.recordedBy()));
    }

    @EventSourcingHandler
    void on(PaymentRecorded event) {
        paymentId = event.paymentId();
        accountId = event.accountId();
        amountCents = event.amountCents();
        receivedDate = event.receivedDate();
    }
}
