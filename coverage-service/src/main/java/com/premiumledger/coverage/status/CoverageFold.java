package com.premiumledger.coverage.status;

import com.premiumledger.coverage.status.CoverageView.HistoryEntry;
import com.premiumledger.events.CoveragePaidThroughChanged;
import com.premiumledger.events.CoverageStatusChanged;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * What one CoverageStatusChanged does to an account's coverage view: the change's figures become the current
 * ones and the change is appended to the history; a CoveragePaidThroughChanged moves the paid-through date. Pure; the projection writes these figures to
 * {@code coverage_views}, and the history as of an instant folds the stored events with the same code.
 */
final class CoverageFold {

    /** The figures a change makes current. */
    record Current(String status, LocalDate since, String program, LocalDate paidThroughDate, LocalDate graceStart,
                   LocalDate graceEnd, LocalDate terminationEffectiveDate) {

        static Current of(CoverageStatusChanged changed) {
            return new Current(changed.toStatus(), changed.effectiveDate(), changed.program(),
                    changed.paidThroughDate(), changed.graceStart(), changed.graceEnd(),
                    changed.terminationEffectiveDate());
        }
    }

    /** Where the change was read from; the store knows no Kafka position (topic null, partition and offset -1). */
    record Position(String eventId, String topic, int partition, long offset) {
    }

    private CoverageFold() {
    }

    static HistoryEntry entry(CoverageStatusChanged changed, Position position) {
        return new HistoryEntry(changed.fromStatus(), changed.toStatus(), changed.reason(), changed.effectiveDate(),
                changed.graceStart(), changed.graceEnd(), changed.paidThroughDate(),
                changed.terminationEffectiveDate(), position.eventId(), changed.causeEventId(), position.topic(),
                position.partition(), position.offset());
    }

    /**
     * The view after a paid-through move: only the paid-through date changes (no status change, so no history
     * entry); {@code before} is never null (a move comes after the account's first change).
     */
    static CoverageView apply(CoverageView before, CoveragePaidThroughChanged moved) {
        return new CoverageView(before.accountId(), before.program(), before.status(), before.since(),
                moved.paidThroughDate(), before.graceStart(), before.graceEnd(), before.terminationEffectiveDate(),
                before.history());
    }

    /** The view after {@code changed}; {@code before} is null for the account's first change. */
    static CoverageView apply(CoverageView before, CoverageStatusChanged changed, Position position) {
        Current current = Current.of(changed);
        List<HistoryEntry> history = new ArrayList<>(before == null ? List.of() : before.history());
        history.add(entry(changed, position));
        return new CoverageView(changed.accountId(), current.program(), current.status(), current.since(),
                current.paidThroughDate(), current.graceStart(), current.graceEnd(),
                current.terminationEffectiveDate(), history);
    }
}
