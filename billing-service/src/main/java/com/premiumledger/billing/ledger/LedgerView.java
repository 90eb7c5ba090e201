package com.premiumledger.billing.ledger;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * The {@code ledger_views} document: an account's entries in event order with a running balance
 * (bills, reversals and refunds debit, payments credit), each traceable to its event and Kafka position.
 */
record LedgerView(String accountId, List<LedgerLine> lines, long debitCents, long creditCents, long balanceCents,
                  long lastSequence) {

    LedgerView {
        lines = List.copyOf(lines);
    }

    /** Money one line moved on one bill; its direction comes from the line's event type. */
    record BillAmount(String billId, long amountCents) {
    }

    /**
     * One entry. {@code effectiveDate} is the business day the money moved (a payment's received date, a
     * reversal's reversed date), {@code recordedAt} when the event happened. {@code billAmounts},
     * {@code creditAddedCents} and {@code creditUsedCents} say what the line did to each bill and to the
     * account's credit, so that any earlier date's balance and aging can be rebuilt from the lines alone.
     */
    record LedgerLine(
            long sequence,
            String eventId,
            String eventType,
            LocalDate effectiveDate,
            Instant recordedAt,
            String description,
            String billId,
            String paymentId,
            LocalDate dueDate,
            List<BillAmount> billAmounts,
            long creditAddedCents,
            long creditUsedCents,
            long debitCents,
            long creditCents,
            long runningBalanceCents,
            String topic,
            int partition,
            long offset,
            String issuedBy) {

        LedgerLine {
            billAmounts = billAmounts == null ? List.of() : List.copyOf(billAmounts);
        }
    }
}
