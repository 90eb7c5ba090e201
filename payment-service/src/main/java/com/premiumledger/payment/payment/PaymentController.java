package com.premiumledger.payment.payment;

import com.premiumledger.payment.payment.PaymentRequests.PaymentResponse;
import com.premiumledger.payment.payment.PaymentRequests.RecordPaymentRequest;
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
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "payments", description = "Cash intake: record a payment, at most once per Idempotency-Key")
class PaymentController {

    static final String IDEMPOTENCY_KEY = "Idempotency-Key";
    static final String REPLAYED = "Idempotent-Replayed";
    /** Visible ASCII only, so a key is safe as a document id, in logs and in headers. */
    private static final Pattern KEY = Pattern.compile("[\\x21-\\x7E]{1,255}");

    private final PaymentIntake intake;

    PaymentController(PaymentIntake intake) {
        this.intake = intake;
    }

    @PostMapping("/payments")
    @PreAuthorize(Roles.SERVICE)
    @Operation(summary = "Record a payment",
            description = "Needs an Idempotency-Key header (1 to 255 visible ASCII characters). 201 with the payment"
                    + " and Location /payments/{paymentId}. The same key and body again answer the first response"
                    + " with Idempotent-Replayed: true and record nothing more; the same key with another body is a"
                    + " 409 (idempotency-key-reuse). 400 for bad input (full-card-number-rejected,"
                    + " payment-method-not-accepted, received-date-in-future, ...), 404 account-not-found.")
    ResponseEntity<PaymentResponse> record(
            @Parameter(description = "client-chosen key, unique per payment", required = true)
            @RequestHeader(name = IDEMPOTENCY_KEY, required = false) String idempotencyKey,
            @Valid @RequestBody RecordPaymentRequest request, Principal principal) {
        checkKey(idempotencyKey);
        PaymentIntake.Outcome outcome = intake.record(idempotencyKey, request, principal.getName());
        ResponseEntity.BodyBuilder answer = ResponseEntity.status(outcome.status())
                .location(URI.create("/payments/" + outcome.response().paymentId()));
        if (outcome.replayed()) {
            answer.header(REPLAYED, "true");
        }
        return answer.body(outcome.response());
    }

    private static void checkKey(String idempotencyKey) {
        if (idempotencyKey == null || !KEY.matcher(idempotencyKey).matches()) {
            throw ApiProblem.badRequest("idempotency-key-required", "send an " + IDEMPOTENCY_KEY
                    + " header of 1 to 255 visible ASCII characters, unique per payment");
        }
        if (CardNumberDetector.looksLikeFullNumber(idempotencyKey)) {
            throw PaymentRules.fullNumberRejected();
        }
    }
}
