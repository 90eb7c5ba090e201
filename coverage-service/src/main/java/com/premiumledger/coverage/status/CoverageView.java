package com.premiumledger.coverage.status;

import java.time.LocalDate;
import java.util.List;

/**
 * An account's coverage as the projection holds it.
 *
 * @param since the effective date of the last change
 * @param history every change, oldest first, each traced to its coverage event and the billing event behind it
 */
record CoverageView(String accountId, String status, LocalDate since, List<HistoryEntry> history) {

    CoverageView {
        history = List.copyOf(history);
    }

    /** One status change and where it came from: the coverage event's id and Kafka position, and its cause. */
    record HistoryEntry(String fromStatus, String toStatus, String reason, LocalDate effectiveDate, String eventId,
                        String causeEventId, String topic, int partition, long offset) {
    }
}
