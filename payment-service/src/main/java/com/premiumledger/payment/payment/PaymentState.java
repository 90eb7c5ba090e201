package com.premiumledger.payment.payment;

import com.premiumledger.events.LedgerEvent;
import com.premiumledger.events.PaymentAssigned;
import com.premiumledger.events.PaymentRecorded;
import com.premiumledger.events.PaymentReversed;
import com.premiumledger.events.RefundReleased;
import com.premiumledger.events.RefundRequested;
import com.premiumledger.events.UnappliedPaymentReceived;
import com.premiumledger.platform.web.RuleViolation;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

/**
 * A payment's state machine, pure so that every rule can be driven without Axon (the aggregate and the
 * property test call the same code). Each decision returns the event to apply, or empty when a re-sent
 * request finds its own earlier effect; {@link #evolve} is the only way the state changes.
 *
 * @param refunds the refunds requested so far, by refund id
 * @param releasedRefundIds the refunds billing rejected: they paid nothing out and count against the payment no
 *     more (they still count towards the number of refunds a payment takes)
 */
record PaymentState(
        String paymentId,
        String accountId,
        long amountCents,
        String method,
        String channel,
        LocalDate receivedDate,
        PaymentStatus status,
        Map<String, RefundRequested> refunds,
        PaymentAssigned assignment,
        PaymentReversed reversal,
        Set<String> releasedRefundIds) {

    PaymentState {
        refunds = Map.copyOf(refunds);
        releasedRefundIds = Set.copyOf(releasedRefundIds);
    }

    static PaymentState recorded(PaymentRecorded event) {
        return new PaymentState(event.paymentId(), event.accountId(), event.amountCents(), event.method(),
                event.channel(), event.receivedDate(), PaymentStatus.RECORDED, Map.of(), null, null, Set.of());
    }

    static PaymentState unapplied(UnappliedPaymentReceived event) {
        return new PaymentState(event.paymentId(), null, event.amountCents(), event.method(), event.channel(),
                event.receivedDate(), PaymentStatus.UNAPPLIED, Map.of(), null, null, Set.of());
    }

    /**
     * What was requested for refund so far and not rejected by billing; never more than the payment (see
     * {@link #refund}).
     */
    long refundRequestedCents() {
        return refunds.values().stream().filter(refund -> !releasedRefundIds.contains(refund.refundId()))
                .mapToLong(RefundRequested::amountCents).sum();
    }

    /** Empty when the refund is unknown here or already released (a redelivered rejection). */
    Optional<RefundReleased> release(ReleaseRefundCommand command) {
        RefundRequested refund = refunds.get(command.refundId());
        if (refund == null || releasedRefundIds.contains(command.refundId())) {
            return Optional.empty();
        }
        return Optional.of(new RefundReleased(refund.refundId(), paymentId, refund.accountId(), refund.amountCents(),
                command.reason() == null || command.reason().isBlank() ? "rejected" : command.reason(),
                command.releasedBy()));
    }

    Optional<PaymentAssigned> assign(AssignPaymentCommand command) {
        if (command.accountId() == null || command.accountId().isBlank()) {
            throw RuleViolation.invalid("account-id-required", "an assignment needs the account");
        }
        if (status == PaymentStatus.ASSIGNED && command.retry() && sameAssignment(command)) {
            return Optional.empty();
        }
        if (status == PaymentStatus.REVERSED) {
            throw RuleViolation.conflict("payment-reversed", "payment " + paymentId + " was reversed");
        }
        if (status != PaymentStatus.UNAPPLIED) {
            throw RuleViolation.conflict("payment-not-unapplied", "payment " + paymentId + " is " + status
                    + "; only an unapplied payment can be assigned");
        }
        return Optional.of(new PaymentAssigned(paymentId, command.accountId(), amountCents, method, channel,
                receivedDate, command.assignedBy(), command.note()));
    }

    private boolean sameAssignment(AssignPaymentCommand command) {
        return command.accountId().equals(assignment.accountId())
                && Objects.equals(command.note(), assignment.note())
                && Objects.equals(command.assignedBy(), assignment.assignedBy());
    }

    Optional<PaymentReversed> reverse(ReversePaymentCommand command) {
        if (status == PaymentStatus.REVERSED) {
            if (command.retry() && sameReversal(command)) {
                return Optional.empty();
            }
            throw RuleViolation.conflict("already-reversed", "payment " + paymentId + " was already reversed on "
                    + reversal.reversedDate());
        }
        ReversalReason reason = PaymentRules.parse(ReversalReason.class, command.reason()).orElseThrow(() ->
                RuleViolation.invalid("unknown-reversal-reason", "reason must be NSF, RETURNED_CHECK or CHARGEBACK"));
        if (!reason.fits(method)) {
            throw RuleViolation.invalid("reversal-reason-does-not-fit-method", reason + " cannot reverse a "
                    + method + " payment");
        }
        if (command.reversedDate() == null) {
            throw RuleViolation.invalid("reversed-date-required", "a reversal needs its date");
        }
        if (command.reversedDate().isBefore(receivedDate)) {
            throw RuleViolation.invalid("reversed-date-before-received", "reversedDate " + command.reversedDate()
                    + " is before the payment was received on " + receivedDate);
        }
        return Optional.of(new PaymentReversed(paymentId, accountId, amountCents, method, reason.name(),
                command.reversedDate(), command.reversedBy()));
    }

    private boolean sameReversal(ReversePaymentCommand command) {
        return Objects.equals(command.reason(), reversal.reason())
                && Objects.equals(command.reversedDate(), reversal.reversedDate())
                && Objects.equals(command.reversedBy(), reversal.reversedBy());
    }

    /** A refund id names one request, so seeing it again is always the same request re-sent. */
    Optional<RefundRequested> refund(RequestRefundCommand command, int refundsMax) {
        if (command.refundId() == null || command.refundId().isBlank()) {
            throw RuleViolation.invalid("refund-id-required", "a refund needs its id");
        }
        if (refunds.containsKey(command.refundId())) {
            return Optional.empty();
        }
        if (status == PaymentStatus.UNAPPLIED) {
            throw RuleViolation.conflict("payment-unapplied", "payment " + paymentId
                    + " reached no account yet; there is no credit to refund");
        }
        if (status == PaymentStatus.REVERSED) {
            throw RuleViolation.conflict("payment-reversed", "payment " + paymentId + " was reversed");
        }
        if (command.amountCents() < 1 || command.amountCents() > amountCents) {
            throw RuleViolation.invalid("refund-amount-out-of-range", "amountCents must be between 1 and the"
                    + " payment's " + amountCents);
        }
        if (command.amountCents() > amountCents - refundRequestedCents()) {
            throw RuleViolation.conflict("refund-exceeds-payment", "refunds already requested ("
                    + refundRequestedCents() + " cents) leave " + (amountCents - refundRequestedCents())
                    + " cents of this payment to refund");
        }
        if (refunds.size() >= refundsMax) {
            throw RuleViolation.conflict("too-many-refunds", "a payment takes at most " + refundsMax + " refunds");
        }
        return Optional.of(new RefundRequested(command.refundId(), paymentId, accountId, command.amountCents(),
                method, command.requestedDate(), command.requestedBy()));
    }

    /** Never fails and never decides: events are facts already accepted. */
    PaymentState evolve(LedgerEvent event) {
        if (event instanceof PaymentAssigned assigned) {
            return new PaymentState(paymentId, assigned.accountId(), amountCents, method, channel, receivedDate,
                    PaymentStatus.ASSIGNED, refunds, assigned, reversal, releasedRefundIds);
        }
        if (event instanceof PaymentReversed reversed) {
            return new PaymentState(paymentId, accountId, amountCents, method, channel, receivedDate,
                    PaymentStatus.REVERSED, refunds, assignment, reversed, releasedRefundIds);
        }
        if (event instanceof RefundRequested requested) {
            Map<String, RefundRequested> more = new LinkedHashMap<>(refunds);
            more.put(requested.refundId(), requested);
            return new PaymentState(paymentId, accountId, amountCents, method, channel, receivedDate, status, more,
                    assignment, reversal, releasedRefundIds);
        }
        if (event instanceof RefundReleased released) {
            Set<String> more = new HashSet<>(releasedRefundIds);
            more.add(released.refundId());
            return new PaymentState(paymentId, accountId, amountCents, method, channel, receivedDate, status, refunds,
                    assignment, reversal, more);
        }
        return this;
    }
}
