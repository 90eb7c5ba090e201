package com.premiumledger.payment.refund;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.LocalDate;
import org.bson.Document;

/**
 * A refund as its requester follows it: PENDING until billing decides, then REFUNDED (paid out of credit) or
 * REJECTED ({@code reason} says why). {@code requestedDate} is null if billing's answer was seen first.
 */
record RefundView(
        String refundId,
        String paymentId,
        String accountId,
        long amountCents,
        @Schema(allowableValues = {"PENDING", "REFUNDED", "REJECTED"}) Status status,
        String reason,
        LocalDate requestedDate,
        LocalDate refundedDate,
        Long creditAfterCents,
        Long availableCreditCents) {

    enum Status { PENDING, REFUNDED, REJECTED }

    static RefundView fromDocument(Document document) {
        String status = document.getString("status");
        return new RefundView(
                document.getString("_id"),
                document.getString("paymentId"),
                document.getString("accountId"),
                document.getLong("amountCents"),
                status == null ? Status.PENDING : Status.valueOf(status),
                document.getString("reason"),
                date(document.getString("requestedDate")),
                date(document.getString("decidedDate")),
                document.getLong("creditAfterCents"),
                document.getLong("availableCreditCents"));
    }

    private static LocalDate date(String value) {
        return value == null ? null : LocalDate.parse(value);
    }
}
