package com.premiumledger.coverage.status;

import com.premiumledger.events.CoveragePaidThroughChanged;
import com.premiumledger.events.CoverageStatusChanged;
import com.premiumledger.platform.history.AggregateHistory;
import com.premiumledger.platform.history.AsOf;
import com.premiumledger.platform.history.HistoryEvent;
import com.premiumledger.platform.security.Roles;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "history", description = "Coverage re-derived from its stored events, for comparison with the"
        + " projection")
class CoverageHistoryController {

    static final String AGGREGATE_TYPE = "Coverage";

    /**
     * @param coverage the coverage view as the projection would have shown it at {@code asOf}; its history
     *     entries carry no Kafka position (topic null, partition and offset -1): the store does not know it
     * @param events every coverage event of the account up to {@code asOf}
     */
    record CoverageHistoryResponse(String accountId, Instant asOf, int eventsCounted, long eventsStored,
                                   CoverageView coverage, List<HistoryEvent> events) {
    }

    private final AggregateHistory history;
    private final Clock clock = Clock.systemUTC();

    CoverageHistoryController(AggregateHistory history) {
        this.history = history;
    }

    @GetMapping("/accounts/{accountId}/history")
    @PreAuthorize(Roles.READER)
    @Operation(summary = "An account's coverage as it stood at an instant, re-derived from its stored events alone",
            description = "Reads the account's coverage events from the event store (not from the projection),"
                    + " takes those recorded at or before asOf and folds them with the projection's own code:"
                    + " status, since, program, paid-through date, grace start and end, termination date and every"
                    + " change so far; plus each event (sequence, id, type, recorded time, summary, stored"
                    + " payload). asOf is recorded time, not the effective dates inside the events. 404 when no"
                    + " coverage is stored for the account or none existed yet at asOf; 400 for a malformed asOf.")
    CoverageHistoryResponse history(@PathVariable String accountId,
            @Parameter(description = "ISO instant (2027-01-05T10:00:00Z), offset date-time, or date (end of that"
                    + " day, UTC); default now") @RequestParam(required = false) String asOf) {
        AggregateHistory.Events events = history.upTo(accountId, AGGREGATE_TYPE, AsOf.parse(asOf, clock),
                "coverage-not-found");
        return fold(events);
    }

    static CoverageHistoryResponse fold(AggregateHistory.Events events) {
        CoverageView view = null;
        for (AggregateHistory.Step step : events.steps()) {
            if (step.payload() instanceof CoverageStatusChanged changed) {
                view = CoverageFold.apply(view, changed,
                        new CoverageFold.Position(step.stored().eventId(), null, -1, -1));
            } else if (step.payload() instanceof CoveragePaidThroughChanged moved && view != null) {
                view = CoverageFold.apply(view, moved);
            }
        }
        if (view == null) {
            throw new IllegalStateException("the coverage stream of " + events.aggregateId() + " has no change");
        }
        return new CoverageHistoryResponse(events.aggregateId(), events.asOf(), events.steps().size(),
                events.storedEvents(), view, events.listed());
    }
}
