package com.premiumledger.payment.unapplied;

import java.time.LocalDate;
import org.bson.Document;

/** Cash that matched no account, as an operator needs it to find the right one. */
record UnappliedPayment(
        String paymentId,
        String quotedAccountNumber,
        long amountCents,
        String method,
        String channel,
        String reference,
        LocalDate receivedDate,
        String eventId) {

    static UnappliedPayment fromDocument(Document document) {
        return new UnappliedPayment(
                document.getString("_id"),
                document.getString("quotedAccountNumber"),
                document.getLong("amountCents"),
                document.getString("method"),
                document.getString("channel"),
                document.getString("reference"),
                LocalDate.parse(document.getString("receivedDate")),
                document.getString("eventId"));
    }
}
