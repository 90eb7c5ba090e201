package com.premiumledger.payment.history;

import com.premiumledger.events.PaymentAssigned;
import com.premiumledger.events.PaymentRecorded;
import com.premiumledger.events.PaymentReversed;
import com.premiumledger.events.RefundReleased;
import com.premiumledger.events.RefundRequested;
import com.premiumledger.events.UnappliedPaymentReceived;
import com.premiumledger.platform.consumer.ReceivedEvent;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.bson.Document;

/**
 * One payment as auditors see it: where it stands ({@code status}: RECORDED, UNAPPLIED, ASSIGNED, REVERSED), who
 * assigned or reversed it and why, the refunds asked of it, and the event that brought it in ({@code eventId})
 * with where that event sits on the log ({@code topic}, {@code partition}, {@code offset}). {@code lastSequence}
 * is the payment's last event folded in, which makes a replayed event a no-op.
 */
record PaymentView(
        String paymentId,
        String status,
        String accountId,
        String quotedAccountNumber,
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
        long offset,
        String assignedBy,
        String assignmentNote,
        String reversalReason,
        LocalDate reversedDate,
        String reversedBy,
        long refundRequestedCents,
        List<RefundLine> refunds,
        long lastSequence) {

    /**
     * One refund asked of the payment; its outcome is at /refunds/{refundId}. {@code released}: billing rejected
     * it, so it no longer counts against the payment.
     */
    record RefundLine(String refundId, long amountCents, LocalDate requestedDate, String requestedBy,
                      boolean released) {
    }

    PaymentView {
        refunds = List.copyOf(refunds);
    }

    static PaymentView of(PaymentRecorded payment, ReceivedEvent event) {
        return new PaymentView(payment.paymentId(), "RECORDED", payment.accountId(), null, payment.amountCents(),
                payment.method(), payment.channel(), payment.receivedDate(), payment.cardBrand(), payment.lastFour(),
                payment.reference(), payment.idempotencyKey(), payment.recordedBy(), event.envelope().time(),
                event.eventId(), event.topic(), event.partition(), event.offset(), null, null, null, null, null, 0,
                List.of(), event.sequence());
    }

    static PaymentView of(UnappliedPaymentReceived payment, ReceivedEvent event) {
        return new PaymentView(payment.paymentId(), "UNAPPLIED", null, payment.quotedAccountNumber(),
                payment.amountCents(), payment.method(), payment.channel(), payment.receivedDate(),
                payment.cardBrand(), payment.lastFour(), payment.reference(), payment.idempotencyKey(),
                payment.recordedBy(), event.envelope().time(), event.eventId(), event.topic(), event.partition(),
                event.offset(), null, null, null, null, null, 0, List.of(), event.sequence());
    }

    PaymentView assigned(PaymentAssigned assigned, long sequence) {
        return new PaymentView(paymentId, "ASSIGNED", assigned.accountId(), quotedAccountNumber, amountCents, method,
                channel, receivedDate, cardBrand, lastFour, reference, idempotencyKey, recordedBy, recordedAt, eventId,
                topic, partition, offset, assigned.assignedBy(), assigned.note(), reversalReason, reversedDate,
                reversedBy, refundRequestedCents, refunds, sequence);
    }

    PaymentView reversed(PaymentReversed reversed, long sequence) {
        return new PaymentView(paymentId, "REVERSED", accountId, quotedAccountNumber, amountCents, method, channel,
                receivedDate, cardBrand, lastFour, reference, idempotencyKey, recordedBy, recordedAt, eventId, topic,
                partition, offset, assignedBy, assignmentNote, reversed.reason(), reversed.reversedDate(),
                reversed.reversedBy(), refundRequestedCents, refunds, sequence);
    }

    PaymentView refundRequested(RefundRequested requested, long sequence) {
        List<RefundLine> more = new ArrayList<>(refunds);
        more.add(new RefundLine(requested.refundId(), requested.amountCents(), requested.requestedDate(),
                requested.requestedBy(), false));
        return new PaymentView(paymentId, status, accountId, quotedAccountNumber, amountCents, method, channel,
                receivedDate, cardBrand, lastFour, reference, idempotencyKey, recordedBy, recordedAt, eventId, topic,
                partition, offset, assignedBy, assignmentNote, reversalReason, reversedDate, reversedBy,
                Math.addExact(refundRequestedCents, requested.amountCents()), more, sequence);
    }

    /** A rejected refund no longer counts in {@code refundRequestedCents}. */
    PaymentView refundReleased(RefundReleased released, long sequence) {
        long releasedCents = 0;
        List<RefundLine> lines = new ArrayList<>();
        for (RefundLine line : refunds) {
            boolean now = line.refundId().equals(released.refundId()) && !line.released();
            releasedCents += now ? line.amountCents() : 0;
            lines.add(now ? new RefundLine(line.refundId(), line.amountCents(), line.requestedDate(),
                    line.requestedBy(), true) : line);
        }
        return new PaymentView(paymentId, status, accountId, quotedAccountNumber, amountCents, method, channel,
                receivedDate, cardBrand, lastFour, reference, idempotencyKey, recordedBy, recordedAt, eventId, topic,
                partition, offset, assignedBy, assignmentNote, reversalReason, reversedDate, reversedBy,
                refundRequestedCents - releasedCents, lines, sequence);
    }

    Document toDocument() {
        return new Document("paymentId", paymentId)
                .append("status", status)
                .append("accountId", accountId)
                .append("quotedAccountNumber", quotedAccountNumber)
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
                .append("offset", offset)
                .append("assignedBy", assignedBy)
                .append("assignmentNote", assignmentNote)
                .append("reversalReason", reversalReason)
                .append("reversedDate", reversedDate == null ? null : reversedDate.toString())
                .append("reversedBy", reversedBy)
                .append("refundRequestedCents", refundRequestedCents)
                .append("refunds", refunds.stream().map(PaymentView::toDocument).toList())
                .append("lastSequence", lastSequence);
    }

    private static Document toDocument(RefundLine refund) {
        return new Document("refundId", refund.refundId()).append("amountCents", refund.amountCents())
                .append("requestedDate", refund.requestedDate().toString())
                .append("requestedBy", refund.requestedBy())
                .append("released", refund.released());
    }

    /** Views written before statuses existed read as RECORDED payments at their first event. */
    static PaymentView fromDocument(Document document) {
        return new PaymentView(
                document.getString("paymentId"),
                document.get("status", "RECORDED"),
                document.getString("accountId"),
                document.getString("quotedAccountNumber"),
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
                document.getLong("offset"),
                document.getString("assignedBy"),
                document.getString("assignmentNote"),
                document.getString("reversalReason"),
                document.getString("reversedDate") == null ? null : LocalDate.parse(document.getString("reversedDate")),
                document.getString("reversedBy"),
                document.get("refundRequestedCents", 0L),
                document.getList("refunds", Document.class, List.of()).stream().map(PaymentView::refundLine).toList(),
                document.get("lastSequence", 0L));
    }

    private static RefundLine refundLine(Document document) {
        return new RefundLine(document.getString("refundId"), document.getLong("amountCents"),
                LocalDate.parse(document.getString("requestedDate")), document.getString("requestedBy"),
                document.get("released", false));
    }
}
