package com.premiumledger.billing.ledger;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * The {@code ledger_views} document: an account's entries in event order with a running balance
 * (bills debit, payments credit), each traceable to its event and Kafka position.
 */
record LedgerView(String accountId, List<LedgerLine> lines, long debitCents, long creditCents, long balanceCents,
                  long lastSequence) {

    LedgerView {
        lines = List.copyOf(lines);
    }

    /** Exactly one of {@code billId} and {@code paymentId} is set on money lines; a missed payment moves no money. */
    record LedgerLine(
            long sequence,
            String eventId,
            String eventType,
            LocalDate date,
            Instant recordedAt,
            String description,
            String billId,
            String paymentId,
            long debitCents,
            long creditCents,
            long runningBalanceCents,
            String topic,
            int partition,
            long offset,
            String issuedBy) {
    }
}
