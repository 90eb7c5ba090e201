package com.premiumledger.coverage.status;

import java.time.LocalDate;
import java.util.List;

/**
 * An account's coverage as the projection holds it; dates are null where none applies.
 *
 * @param since the effective date of the last change
 * @param paidThroughDate last day of the last fully paid coverage month
 * @param graceStart first day of the grace period the account is in (or that ran out, when TERMINATED)
 * @param graceEnd last day of that grace period
 * @param terminationEffectiveDate for TERMINATED, the day coverage ended (possibly retroactive)
 * @param history every change, oldest first, each traced to its coverage event and the event behind it
 */
record CoverageView(String accountId, String program, String status, LocalDate since, LocalDate paidThroughDate,
                    LocalDate graceStart, LocalDate graceEnd, LocalDate terminationEffectiveDate,
                    List<HistoryEntry> history) {

    CoverageView {
        history = List.copyOf(history);
    }

    /** One status change and where it came from: the coverage event's id and Kafka position, and its cause. */
    record HistoryEntry(String fromStatus, String toStatus, String reason, LocalDate effectiveDate,
                        LocalDate graceStart, LocalDate graceEnd, LocalDate paidThroughDate,
                        LocalDate terminationEffectiveDate, String eventId, String causeEventId, String topic,
                        int partition, long offset) {
    }
}
