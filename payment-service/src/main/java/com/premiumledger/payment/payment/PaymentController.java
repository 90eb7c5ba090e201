package com.premiumledger.payment.payment;

import com.premiumledger.payment.payment.PaymentRequests.AssignPaymentRequest;
import com.premiumledger.payment.payment.PaymentRequests.AssignmentResponse;
import com.premiumledger.payment.payment.PaymentRequests.PaymentResponse;
import com.premiumledger.payment.payment.PaymentRequests.RecordPaymentRequest;
import com.premiumledger.payment.payment.PaymentRequests.RefundRequest;
import com.premiumledger.payment.payment.PaymentRequests.RefundResponse;
import com.premiumledger.payment.payment.PaymentRequests.ReversalResponse;
import com.premiumledger.payment.payment.PaymentRequests.ReversePaymentRequest;
import com.premiumledger.platform.idempotency.IdempotencyHeaders;
import com.premiumledger.platform.idempotency.IdempotentRequests.Outcome;
import com.premiumledger.platform.security.Roles;
import com.premiumledger.platform.web.ApiProblem;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.net.URI;
import java.security.Principal;
import java.util.regex.Pattern;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "payments", description = "Cash intake and what follows it (assignment, reversal, refund), each at most"
        + " once per Idempotency-Key")
class PaymentController {

    static final String IDEMPOTENCY_KEY = IdempotencyHeaders.IDEMPOTENCY_KEY;
    private static final String IDEMPOTENCY_RULES = " Needs an" + IdempotencyHeaders.RULES;
    /** Payment ids are UUIDs; anything else cannot name a payment and is not worth a lookup. */
    private static final Pattern PAYMENT_ID = Pattern.compile("[A-Za-z0-9-]{1,64}");

    private final PaymentIntake intake;
    private final PaymentActions actions;

    PaymentController(PaymentIntake intake, PaymentActions actions) {
        this.intake = intake;
        this.actions = actions;
    }

    @PostMapping("/payments")
    @PreAuthorize(Roles.SERVICE)
    @Operation(summary = "Record a payment", description = "201 with the payment (status RECORDED) and Location"
            + " /payments/{paymentId}. A payment quoting an unknown account is 404 account-not-found, except on the"
            + " MAIL channel, where it is recorded with status UNAPPLIED and waits in GET /payments/unapplied."
            + IDEMPOTENCY_RULES + " 409 duplicate-reference for a check or money order number already recorded;"
            + " 400 for bad input (full-card-number-rejected, payment-method-not-accepted, received-date-in-future,"
            + " ...).")
    ResponseEntity<PaymentResponse> record(
            @Parameter(description = "client-chosen key, unique per payment", required = true)
            @RequestHeader(name = IDEMPOTENCY_KEY, required = false) String idempotencyKey,
            @Valid @RequestBody RecordPaymentRequest request, Principal principal) {
        checkKey(idempotencyKey);
        Outcome<PaymentResponse> outcome = intake.record(idempotencyKey, request, principal.getName());
        return answer(outcome, URI.create("/payments/" + outcome.response().paymentId()));
    }

    @PostMapping("/payments/{paymentId}/assignment")
    @PreAuthorize(Roles.OPERATOR)
    @Operation(summary = "Assign an unapplied payment to an account", description = "200 with the assignment;"
            + " billing then applies the payment as if it had been recorded for the account. 404 payment-not-found"
            + " or account-not-found; 409 payment-not-unapplied or payment-reversed." + IDEMPOTENCY_RULES)
    ResponseEntity<AssignmentResponse> assign(
            @PathVariable String paymentId,
            @Parameter(description = "client-chosen key", required = true)
            @RequestHeader(name = IDEMPOTENCY_KEY, required = false) String idempotencyKey,
            @Valid @RequestBody AssignPaymentRequest request, Principal principal) {
        checkKey(idempotencyKey);
        checkPaymentId(paymentId);
        return answer(actions.assign(paymentId, idempotencyKey, request, principal.getName()), null);
    }

    @PostMapping("/payments/{paymentId}/reversal")
    @PreAuthorize(Roles.SERVICE)
    @Operation(summary = "Reverse a payment (NSF, returned check, chargeback)", description = "200 with the"
            + " reversal; billing re-opens what the payment had paid. 400 unknown-reversal-reason,"
            + " reversal-reason-does-not-fit-method, reversed-date-before-received, reversed-date-in-future;"
            + " 404 payment-not-found; 409 already-reversed." + IDEMPOTENCY_RULES)
    ResponseEntity<ReversalResponse> reverse(
            @PathVariable String paymentId,
            @Parameter(description = "client-chosen key", required = true)
            @RequestHeader(name = IDEMPOTENCY_KEY, required = false) String idempotencyKey,
            @Valid @RequestBody ReversePaymentRequest request, Principal principal) {
        checkKey(idempotencyKey);
        checkPaymentId(paymentId);
        return answer(actions.reverse(paymentId, idempotencyKey, request, principal.getName()), null);
    }

    @PostMapping("/payments/{paymentId}/refund")
    @PreAuthorize(Roles.SERVICE)
    @Operation(summary = "Ask for a refund of (part of) a payment", description = "202 with the refund id, status"
            + " PENDING, and Location /refunds/{refundId}: billing pays it out of the account's credit or rejects"
            + " it. 400 refund-amount-out-of-range; 404 payment-not-found; 409 payment-unapplied, payment-reversed,"
            + " refund-exceeds-payment (all refunds of a payment together never exceed it)." + IDEMPOTENCY_RULES)
    ResponseEntity<RefundResponse> refund(
            @PathVariable String paymentId,
            @Parameter(description = "client-chosen key", required = true)
            @RequestHeader(name = IDEMPOTENCY_KEY, required = false) String idempotencyKey,
            @Valid @RequestBody RefundRequest request, Principal principal) {
        checkKey(idempotencyKey);
        checkPaymentId(paymentId);
        Outcome<RefundResponse> outcome = actions.refund(paymentId, idempotencyKey, request, principal.getName());
        return answer(outcome, URI.create("/refunds/" + outcome.response().refundId()));
    }

    private static <R> ResponseEntity<R> answer(Outcome<R> outcome, URI location) {
        return IdempotencyHeaders.answer(outcome, location);
    }

    private static void checkKey(String idempotencyKey) {
        IdempotencyHeaders.check(idempotencyKey);
        if (CardNumberDetector.looksLikeFullNumber(idempotencyKey)) {
            throw PaymentRules.fullNumberRejected();
        }
    }

    private static void checkPaymentId(String paymentId) {
        if (!PAYMENT_ID.matcher(paymentId).matches() || CardNumberDetector.looksLikeFullNumber(paymentId)) {
            throw ApiProblem.notFound("payment-not-found", "no such payment");
        }
    }
}
