package com.premiumledger.coverage.lifecycle;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import com.premiumledger.events.CoveragePaidThroughChanged;
import com.premiumledger.events.CoverageStatusChanged;
import com.premiumledger.platform.web.RuleViolation;
import java.time.LocalDate;
import java.util.Objects;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * One account's coverage (id = account id). It does not decide (that is {@link CoverageDecider}); it refuses
 * any change the table does not allow from its current status, ignores a change it already made or that was
 * decided on a status it has left, and records every change as one CoverageStatusChanged. So a replayed or
 * duplicated decision never adds a second change. A move of the paid-through date alone (no status change) is
 * recorded as one CoveragePaidThroughChanged, likewise only once.
 */
@Aggregate
class Coverage {

    @AggregateIdentifier
    private String accountId;
    private CoverageStatus status;
    private LocalDate graceStart;
    private LocalDate graceEnd;
    private LocalDate paidThroughDate;
    private long version = -1;

    Coverage() {
    }

    @CommandHandler
    Coverage(StartCoverageCommand command, CoverageTransitions transitions) {
        requireText(command.accountId(), "accountId");
        requireText(command.causeEventId(), "causeEventId");
        CoverageDecision decision = requireDecision(command.decision());
        if (decision.from() != null) {
            throw RuleViolation.invalid("invalid-decision", "coverage starts from no status, not " + decision.from());
        }
        checkAgainstTable(null, decision, transitions);
        apply(change(command.accountId(), command.program(), decision, command.causeEventId()));
    }

    @CommandHandler
    CoverageState handle(ChangeCoverageCommand command, CoverageTransitions transitions) {
        requireText(command.causeEventId(), "causeEventId");
        CoverageDecision decision = requireDecision(command.decision());
        if (status == decision.to() || status != decision.from()) {
            // Already there (a replay), or decided on a status this coverage has left: the caller re-decides.
            return state();
        }
        checkAgainstTable(status, decision, transitions);
        apply(change(accountId, command.program(), decision, command.causeEventId()));
        return state();
    }

    @CommandHandler
    CoverageState handle(RecordPaidThroughCommand command) {
        requireText(command.causeEventId(), "causeEventId");
        if (command.effectiveDate() == null) {
            throw RuleViolation.invalid("invalid-decision", "a paid-through move needs its effective date");
        }
        if (status == null || !status.tracksPaidThrough() || Objects.equals(paidThroughDate, command.paidThroughDate())) {
            // Not effectuated or already ended (the ending change holds the date), or a replay: nothing moves.
            return state();
        }
        apply(new CoveragePaidThroughChanged(accountId, command.program(), paidThroughDate, command.paidThroughDate(),
                command.effectiveDate(), command.causeEventId()));
        return state();
    }

    private CoverageState state() {
        return new CoverageState(status, graceStart, graceEnd, version, null, paidThroughDate);
    }

    private static void checkAgainstTable(CoverageStatus from, CoverageDecision decision,
                                          CoverageTransitions transitions) {
        Transition row = transitions.next(from, decision.trigger()).orElseThrow(() -> RuleViolation.invalid(
                "transition-not-allowed", decision.trigger() + " does not move " + from));
        if (row.target() != decision.to() || row.reason() != decision.reason()) {
            throw RuleViolation.invalid("transition-not-allowed", decision.trigger() + " moves " + from + " to "
                    + row.target() + " (" + row.reason() + "), not " + decision.to() + " (" + decision.reason() + ")");
        }
        boolean graceDates = decision.to() == CoverageStatus.GRACE || decision.to() == CoverageStatus.SUSPENDED;
        if (graceDates && (decision.graceStart() == null || decision.graceEnd() == null)) {
            throw RuleViolation.invalid("invalid-decision", decision.to() + " needs its grace period");
        }
        if (decision.to() == CoverageStatus.TERMINATED && decision.terminationEffectiveDate() == null) {
            throw RuleViolation.invalid("invalid-decision", "TERMINATED needs its termination effective date");
        }
    }

    private static CoverageStatusChanged change(String accountId, String program, CoverageDecision decision,
                                                String causeEventId) {
        return new CoverageStatusChanged(accountId, program, decision.from() == null ? null : decision.from().name(),
                decision.to().name(), decision.reason().name(), decision.effectiveDate(), decision.graceStart(),
                decision.graceEnd(), decision.paidThroughDate(), decision.terminationEffectiveDate(), causeEventId);
    }

    private static CoverageDecision requireDecision(CoverageDecision decision) {
        if (decision == null || decision.trigger() == null || decision.to() == null || decision.reason() == null
                || decision.effectiveDate() == null) {
            throw RuleViolation.invalid("invalid-decision", "a decision names its trigger, target, reason and"
                    + " effective date");
        }
        return decision;
    }

    private static void requireText(String value, String field) {
        if (value == null || value.isBlank()) {
            throw RuleViolation.invalid("invalid-" + field, field + " is required");
        }
    }

    @EventSourcingHandler
    void on(CoverageStatusChanged event) {
        accountId = event.accountId();
        status = CoverageStatus.valueOf(event.toStatus());
        // Only GRACE and SUSPENDED are "in" a grace period; a termination's dates are history.
        boolean inGrace = status == CoverageStatus.GRACE || status == CoverageStatus.SUSPENDED;
        graceStart = inGrace ? event.graceStart() : null;
        graceEnd = inGrace ? event.graceEnd() : null;
        paidThroughDate = event.paidThroughDate();
        version++;
    }

    @EventSourcingHandler
    void on(CoveragePaidThroughChanged event) {
        paidThroughDate = event.paidThroughDate();
        version++;
    }
}
