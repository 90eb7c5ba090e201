package com.premiumledger.payment.payment;

import com.premiumledger.platform.command.LedgerCommands;
import com.premiumledger.events.PaymentAssigned;
import com.premiumledger.events.PaymentReversed;
import com.premiumledger.events.RefundRequested;
import com.premiumledger.payment.PaymentProperties;
import com.premiumledger.payment.billing.BusinessCalendar;
import com.premiumledger.payment.billing.KnownAccounts;
import com.premiumledger.payment.payment.PaymentRequests.AssignPaymentRequest;
import com.premiumledger.payment.payment.PaymentRequests.AssignmentResponse;
import com.premiumledger.payment.payment.PaymentRequests.RefundRequest;
import com.premiumledger.payment.payment.PaymentRequests.RefundResponse;
import com.premiumledger.payment.payment.PaymentRequests.ReversalResponse;
import com.premiumledger.payment.payment.PaymentRequests.ReversePaymentRequest;
import com.premiumledger.platform.idempotency.IdempotentRequests;
import com.premiumledger.platform.idempotency.IdempotentRequests.Operation;
import com.premiumledger.platform.idempotency.IdempotentRequests.Outcome;
import com.premiumledger.platform.idempotency.RequestHash;
import com.premiumledger.platform.web.ApiProblem;
import com.premiumledger.platform.web.RuleViolation;
import java.time.LocalDate;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * What happens to a payment after it came in: an operator assigns an unapplied one, a bank or card network
 * reverses one, a member asks for a refund. Each runs at most once per Idempotency-Key; what can be checked
 * without the payment is checked before the key is claimed, the rest by the aggregate.
 */
@Component
class PaymentActions {

    static final String ASSIGNMENT_SCOPE = "assignment";
    static final String REVERSAL_SCOPE = "reversal";
    static final String REFUND_SCOPE = "refund";
    static final String PAYMENT_NOT_FOUND = "payment-not-found";

    private final IdempotentRequests requests;
    private final LedgerCommands commands;
    private final KnownAccounts accounts;
    private final BusinessCalendar calendar;
    private final PaymentProperties properties;

    PaymentActions(IdempotentRequests requests, LedgerCommands commands, KnownAccounts accounts,
                   BusinessCalendar calendar, PaymentProperties properties) {
        this.requests = requests;
        this.commands = commands;
        this.accounts = accounts;
        this.calendar = calendar;
        this.properties = properties;
    }

    Outcome<AssignmentResponse> assign(String paymentId, String key, AssignPaymentRequest request, String caller) {
        return requests.run(key, RequestHash.of(request, caller, paymentId), new Operation<>(ASSIGNMENT_SCOPE,
                HttpStatus.OK.value(), AssignPaymentCommand.class, AssignmentResponse.class,
                () -> prepareAssignment(paymentId, request, caller),
                (command, retry) -> AssignmentResponse.of(commands.<PaymentAssigned>send(
                        retry ? command.asRetry() : command, caller)), PAYMENT_NOT_FOUND));
    }

    private AssignPaymentCommand prepareAssignment(String paymentId, AssignPaymentRequest request, String caller) {
        if (request.note() != null && CardNumberDetector.looksLikeFullNumber(request.note())) {
            throw PaymentRules.fullNumberRejected();
        }
        PaymentRules.checkAccountId(request.accountId(), properties);
        if (!accounts.exists(request.accountId())) {
            throw ApiProblem.notFound("account-not-found", "no such account " + request.accountId());
        }
        return new AssignPaymentCommand(paymentId, request.accountId(), request.note(), caller, false);
    }

    Outcome<ReversalResponse> reverse(String paymentId, String key, ReversePaymentRequest request, String caller) {
        return requests.run(key, RequestHash.of(request, caller, paymentId), new Operation<>(REVERSAL_SCOPE,
                HttpStatus.OK.value(), ReversePaymentCommand.class, ReversalResponse.class,
                () -> prepareReversal(paymentId, request, caller),
                (command, retry) -> ReversalResponse.of(commands.<PaymentReversed>send(
                        retry ? command.asRetry() : command, caller)), PAYMENT_NOT_FOUND));
    }

    private ReversePaymentCommand prepareReversal(String paymentId, ReversePaymentRequest request, String caller) {
        if (PaymentRules.parse(ReversalReason.class, request.reason()).isEmpty()) {
            throw RuleViolation.invalid("unknown-reversal-reason", "reason must be NSF, RETURNED_CHECK or CHARGEBACK");
        }
        LocalDate businessDate = calendar.today();
        LocalDate reversedDate = request.reversedDate() != null ? request.reversedDate() : businessDate;
        if (reversedDate.isAfter(businessDate)) {
            throw RuleViolation.invalid("reversed-date-in-future", "reversedDate " + reversedDate
                    + " is after the business date " + businessDate);
        }
        if (reversedDate.isBefore(businessDate.minusDays(properties.reversedDateDaysBackMax()))) {
            throw RuleViolation.invalid("reversed-date-too-old", "reversedDate may be at most "
                    + properties.reversedDateDaysBackMax() + " days before the business date " + businessDate);
        }
        return new ReversePaymentCommand(paymentId, request.reason(), reversedDate, caller, false);
    }

    Outcome<RefundResponse> refund(String paymentId, String key, RefundRequest request, String caller) {
        return requests.run(key, RequestHash.of(request, caller, paymentId), new Operation<>(REFUND_SCOPE,
                HttpStatus.ACCEPTED.value(), RequestRefundCommand.class, RefundResponse.class,
                () -> prepareRefund(paymentId, request, caller),
                (command, retry) -> RefundResponse.of(commands.<RefundRequested>send(command, caller)),
                PAYMENT_NOT_FOUND));
    }

    private RequestRefundCommand prepareRefund(String paymentId, RefundRequest request, String caller) {
        if (request.amountCents() < 1 || request.amountCents() > properties.amountMaxCents()) {
            throw RuleViolation.invalid("refund-amount-out-of-range", "amountCents must be between 1 and "
                    + properties.amountMaxCents());
        }
        return new RequestRefundCommand(paymentId, UUID.randomUUID().toString(), request.amountCents(),
                calendar.today(), caller);
    }
}
