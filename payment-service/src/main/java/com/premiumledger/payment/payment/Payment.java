package com.premiumledger.payment.payment;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import com.premiumledger.events.PaymentAssigned;
import com.premiumledger.events.PaymentRecorded;
import com.premiumledger.events.PaymentReversed;
import com.premiumledger.events.RefundReleased;
import com.premiumledger.events.RefundRequested;
import com.premiumledger.events.UnappliedPaymentReceived;
import com.premiumledger.payment.PaymentProperties;
import com.premiumledger.platform.web.RuleViolation;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * One payment: cash received, for an account or (unmatched) for the unapplied queue. Recording it twice is
 * impossible by construction: the event store refuses a second stream for the same payment id, which is how
 * a retried command is recognised. The rules live in {@link PaymentState}; each handler answers with the
 * event that records the decision (or the earlier one, for a re-sent request).
 */
@Aggregate
public class Payment {

    @AggregateIdentifier
    private String paymentId;
    private PaymentState state;

    Payment() {
        // For Axon, which rebuilds the payment from its events.
    }

    @CommandHandler
    Payment(RecordPaymentCommand command, PaymentProperties properties) {
        if (command.paymentId() == null || command.paymentId().isBlank()) {
            throw RuleViolation.invalid("payment-id-required", "a payment needs its id");
        }
        PaymentRules.check(command, properties);
        if (command.unapplied()) {
            apply(new UnappliedPaymentReceived(command.paymentId(), command.accountId(), command.amountCents(),
                    command.method(), command.channel(), command.receivedDate(), command.cardBrand(),
                    command.lastFour(), command.reference(), command.idempotencyKey(), command.recordedBy()));
        } else {
            apply(new PaymentRecorded(command.paymentId(), command.accountId(), command.amountCents(),
                    command.method(), command.channel(), command.receivedDate(), command.cardBrand(),
                    command.lastFour(), command.reference(), command.idempotencyKey(), command.recordedBy()));
        }
    }

    @CommandHandler
    PaymentAssigned handle(AssignPaymentCommand command) {
        return state.assign(command).map(this::applied).orElseGet(state::assignment);
    }

    @CommandHandler
    PaymentReversed handle(ReversePaymentCommand command) {
        return state.reverse(command).map(this::applied).orElseGet(state::reversal);
    }

    @CommandHandler
    RefundRequested handle(RequestRefundCommand command, PaymentProperties properties) {
        return state.refund(command, properties.refundsPerPaymentMax()).map(this::applied)
                .orElseGet(() -> state.refunds().get(command.refundId()));
    }

    /** True when released now; false when already released or never requested of this payment. */
    @CommandHandler
    boolean handle(ReleaseRefundCommand command) {
        return state.release(command).map(this::applied).isPresent();
    }

    private <E> E applied(E event) {
        apply(event);
        return event;
    }

    @EventSourcingHandler
    void on(PaymentRecorded event) {
        paymentId = event.paymentId();
        state = PaymentState.recorded(event);
    }

    @EventSourcingHandler
    void on(UnappliedPaymentReceived event) {
        paymentId = event.paymentId();
        state = PaymentState.unapplied(event);
    }

    @EventSourcingHandler
    void on(PaymentAssigned event) {
        state = state.evolve(event);
    }

    @EventSourcingHandler
    void on(PaymentReversed event) {
        state = state.evolve(event);
    }

    @EventSourcingHandler
    void on(RefundRequested event) {
        state = state.evolve(event);
    }

    @EventSourcingHandler
    void on(RefundReleased event) {
        state = state.evolve(event);
    }
}
