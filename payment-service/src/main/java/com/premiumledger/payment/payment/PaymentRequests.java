package com.premiumledger.payment.payment;

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

    /** What was recorded; replayed byte for byte when the same Idempotency-Key and body come again. */
    public record PaymentResponse(
            String paymentId,
            String accountId,
            long amountCents,
            String method,
            String channel,
            LocalDate receivedDate,
            String cardBrand,
            String lastFour,
            String reference,
            String recordedBy) {

        static PaymentResponse of(RecordPaymentCommand command) {
            return new PaymentResponse(command.paymentId(), command.accountId(), command.amountCents(),
                    command.method(), command.channel(), command.receivedDate(), command.cardBrand(),
                    command.lastFour(), command.reference(), command.recordedBy());
        }
    }
}
