package com.premiumledger.payment.payment;

import com.premiumledger.events.PaymentAssigned;
import com.premiumledger.events.PaymentReversed;
import com.premiumledger.events.RefundRequested;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;

/** The HTTP shapes of payment intake. */
public final class PaymentRequests {

    /** The longest string any field may hold before the configured, field-specific limits apply. */
    static final int FIELD_LENGTH_MAX = 255;
    /** An assignment note: enough for a reason, not a document. */
    static final int NOTE_LENGTH_MAX = 500;

    private PaymentRequests() {
    }

    @Schema(description = "Cash received for an account. Give exactly the details of the method: card for CARD,"
            + " bankAccountLastFour for ACH, checkNumber for CHECK, moneyOrderNumber for MONEY_ORDER. Never send a"
            + " full card or bank account number: any field holding 13 or more digits is refused.")
    public record RecordPaymentRequest(
            @NotBlank @Size(max = FIELD_LENGTH_MAX) String accountId,
            @NotNull Long amountCents,
            @Schema(allowableValues = {"CARD", "ACH", "CHECK", "MONEY_ORDER"})
            @NotBlank @Size(max = FIELD_LENGTH_MAX) String method,
            @Schema(allowableValues = {"ONLINE", "MAIL", "PHONE", "AUTOPAY"})
            @NotBlank @Size(max = FIELD_LENGTH_MAX) String channel,
            @Schema(description = "default: the current business date") LocalDate receivedDate,
            @Valid CardDetails card,
            @Size(max = FIELD_LENGTH_MAX) String bankAccountLastFour,
            @Size(max = FIELD_LENGTH_MAX) String checkNumber,
            @Size(max = FIELD_LENGTH_MAX) String moneyOrderNumber) {
    }

    public record CardDetails(
            @Schema(allowableValues = {"VISA", "MASTERCARD", "DISCOVER", "AMEX"})
            @NotBlank @Size(max = FIELD_LENGTH_MAX) String brand,
            @NotBlank @Size(max = FIELD_LENGTH_MAX) String lastFour) {
    }

    /**
     * What was recorded; replayed byte for byte when the same Idempotency-Key and body come again. An unapplied
     * payment has no accountId, only the number the payer quoted.
     */
    public record PaymentResponse(
            String paymentId,
            @Schema(allowableValues = {"RECORDED", "UNAPPLIED"}) String status,
            String accountId,
            String quotedAccountNumber,
            long amountCents,
            String method,
            String channel,
            LocalDate receivedDate,
            String cardBrand,
            String lastFour,
            String reference,
            String recordedBy) {

        static PaymentResponse of(RecordPaymentCommand command) {
            PaymentStatus status = command.unapplied() ? PaymentStatus.UNAPPLIED : PaymentStatus.RECORDED;
            return new PaymentResponse(command.paymentId(), status.name(),
                    command.unapplied() ? null : command.accountId(), command.unapplied() ? command.accountId() : null,
                    command.amountCents(),
                    command.method(), command.channel(), command.receivedDate(), command.cardBrand(),
                    command.lastFour(), command.reference(), command.recordedBy());
        }
    }

    @Schema(description = "Give an unapplied payment the account it belongs to.")
    public record AssignPaymentRequest(
            @NotBlank @Size(max = FIELD_LENGTH_MAX) String accountId,
            @Schema(description = "why this account, for the audit trail") @Size(max = NOTE_LENGTH_MAX) String note) {
    }

    @Schema(description = "Cash taken back. The reason must fit the method: NSF for ACH, RETURNED_CHECK for CHECK or"
            + " MONEY_ORDER, CHARGEBACK for CARD.")
    public record ReversePaymentRequest(
            @Schema(allowableValues = {"NSF", "RETURNED_CHECK", "CHARGEBACK"})
            @NotBlank @Size(max = FIELD_LENGTH_MAX) String reason,
            @Schema(description = "default: the current business date") LocalDate reversedDate) {
    }

    @Schema(description = "Pay part of a payment back out of the account's credit; billing decides.")
    public record RefundRequest(@NotNull Long amountCents) {
    }

    public record AssignmentResponse(String paymentId, String status, String accountId, long amountCents,
                                     String method, String assignedBy, String note) {

        static AssignmentResponse of(PaymentAssigned assigned) {
            return new AssignmentResponse(assigned.paymentId(), PaymentStatus.ASSIGNED.name(), assigned.accountId(),
                    assigned.amountCents(), assigned.method(), assigned.assignedBy(), assigned.note());
        }
    }

    @Schema(description = "accountId is null when the payment had reached no account")
    public record ReversalResponse(String paymentId, String status, String accountId, long amountCents,
                                   String method, String reason, LocalDate reversedDate, String reversedBy) {

        static ReversalResponse of(PaymentReversed reversed) {
            return new ReversalResponse(reversed.paymentId(), PaymentStatus.REVERSED.name(), reversed.accountId(),
                    reversed.amountCents(), reversed.method(), reversed.reason(), reversed.reversedDate(),
                    reversed.reversedBy());
        }
    }

    @Schema(description = "Billing decides; follow the refund at /refunds/{refundId}")
    public record RefundResponse(String refundId, String status, String paymentId, String accountId,
                                 long amountCents, LocalDate requestedDate) {

        static RefundResponse of(RefundRequested requested) {
            return new RefundResponse(requested.refundId(), "PENDING", requested.paymentId(), requested.accountId(),
                    requested.amountCents(), requested.requestedDate());
        }
    }
}
