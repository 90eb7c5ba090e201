package com.premiumledger.payment.history;

import com.premiumledger.events.PaymentRecorded;
import com.premiumledger.platform.consumer.ReceivedEvent;
import java.time.Instant;
import java.time.LocalDate;
import org.bson.Document;

/**
 * One recorded payment as auditors see it, with the event behind it ({@code eventId}) and where that event
 * sits on the log ({@code topic}, {@code partition}, {@code offset}).
 */
record PaymentView(
        String paymentId,
        String accountId,
        long amountCents,
        String method,
        String channel,
        LocalDate receivedDate,
        String cardBrand,
        String lastFour,
        String reference,
        String idempotencyKey,
        String recordedBy,
        Instant recordedAt,
        String eventId,
        String topic,
        int partition,
        long offset) {

    static PaymentView of(PaymentRecorded payment, ReceivedEvent event) {
        return new PaymentView(payment.paymentId(), payment.accountId(), payment.amountCents(), payment.method(),
                payment.channel(), payment.receivedDate(), payment.cardBrand(), payment.lastFour(), payment.reference(),
                payment.idempotencyKey(), payment.recordedBy(), event.envelope().time(), event.eventId(),
                event.topic(), event.partition(), event.offset());
    }

    Document toDocument() {
        return new Document("paymentId", paymentId)
                .append("accountId", accountId)
                .append("amountCents", amountCents)
                .append("method", method)
                .append("channel", channel)
                .append("receivedDate", receivedDate.toString())
                .append("cardBrand", cardBrand)
                .append("lastFour", lastFour)
                .append("reference", reference)
                .append("idempotencyKey", idempotencyKey)
                .append("recordedBy", recordedBy)
                .append("recordedAt", recordedAt.toString())
                .append("eventId", eventId)
                .append("topic", topic)
                .append("partition", partition)
                .append("offset", offset);
    }

    static PaymentView fromDocument(Document document) {
        return new PaymentView(
                document.getString("paymentId"),
                document.getString("accountId"),
                document.getLong("amountCents"),
                document.getString("method"),
                document.getString("channel"),
                LocalDate.parse(document.getString("receivedDate")),
                document.getString("cardBrand"),
                document.getString("lastFour"),
                document.getString("reference"),
                document.getString("idempotencyKey"),
                document.getString("recordedBy"),
                Instant.parse(document.getString("recordedAt")),
                document.getString("eventId"),
                document.getString("topic"),
                document.getInteger("partition"),
                document.getLong("offset"));
    }
}
