package com.premiumledger.coverage.lifecycle;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import com.premiumledger.events.BillAllocation;
import com.premiumledger.events.CoverageStatusChanged;
import com.premiumledger.platform.web.RuleViolation;
import java.time.LocalDate;
import java.util.List;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * One account's coverage (id = account id). Command handlers validate the billing facts and ask
 * {@link CoverageTransitions} whether they move the status; every move is one CoverageStatusChanged.
 */
@Aggregate
class Coverage {

    @AggregateIdentifier
    private String accountId;
    private CoverageStatus status;
    private LocalDate coverageStart;
    /** The billing event behind the last change: the same event again never moves coverage twice. */
    private String lastCauseEventId;

    Coverage() {
    }

    @CommandHandler
    Coverage(StartCoverageCommand command, CoverageTransitions transitions) {
        requireText(command.accountId(), "accountId");
        requireText(command.causeEventId(), "causeEventId");
        requireDate(command.coverageStart(), "coverageStart");
        Transition transition = transitions.next(null, CoverageTrigger.ENROLLMENT).orElseThrow(() ->
                new IllegalStateException("the coverage table has no ENROLLMENT row"));
        apply(change(command.accountId(), null, transition, command.coverageStart(), command.coverageStart(),
                command.causeEventId()));
    }

    @CommandHandler
    void handle(RecordBillPaymentCommand command, CoverageTransitions transitions) {
        requireText(command.causeEventId(), "causeEventId");
        requireDate(command.receivedDate(), "receivedDate");
        requirePaymentFacts(command.allocations(), command.accountOpenAfterCents());
        move(command.triggers(), command.receivedDate(), command.causeEventId(), transitions);
    }

    @CommandHandler
    void handle(RecordMissedPaymentCommand command, CoverageTransitions transitions) {
        requireText(command.causeEventId(), "causeEventId");
        requireDate(command.businessDate(), "businessDate");
        move(List.of(CoverageTrigger.PAYMENT_MISSED), command.businessDate(), command.causeEventId(), transitions);
    }

    private void move(List<CoverageTrigger> triggers, LocalDate triggerDate, String causeEventId,
                      CoverageTransitions transitions) {
        if (causeEventId.equals(lastCauseEventId)) {
            return;
        }
        transitions.first(status, triggers).ifPresent(transition ->
                apply(change(accountId, status, transition, coverageStart, triggerDate, causeEventId)));
    }

    private static CoverageStatusChanged change(String accountId, CoverageStatus from, Transition transition,
                                                LocalDate coverageStart, LocalDate triggerDate, String causeEventId) {
        return new CoverageStatusChanged(accountId, from == null ? null : from.name(), transition.target().name(),
                transition.reason().name(), transition.effectiveDate().effectiveDate(coverageStart, triggerDate),
                causeEventId);
    }

    private static void requireText(String value, String field) {
        if (value == null || value.isBlank()) {
            throw RuleViolation.invalid("invalid-" + field, field + " is required");
        }
    }

    private static void requireDate(LocalDate value, String field) {
        if (value == null) {
            throw RuleViolation.invalid("invalid-" + field, field + " is required");
        }
    }

    private static void requirePaymentFacts(List<BillAllocation> allocations, long accountOpenAfterCents) {
        if (allocations == null) {
            throw RuleViolation.invalid("invalid-allocations", "allocations are required (possibly empty)");
        }
        if (accountOpenAfterCents < 0) {
            throw RuleViolation.invalid("invalid-accountOpenAfterCents", "accountOpenAfterCents is never negative");
        }
        for (BillAllocation allocation : allocations) {
            if (allocation.amountCents() < 0 || allocation.billOpenAfterCents() < 0) {
                throw RuleViolation.invalid("invalid-allocations", "allocation amounts are never negative");
            }
        }
    }

    @EventSourcingHandler
    void on(CoverageStatusChanged event) {
        if (event.fromStatus() == null) {
            // ENROLLMENT takes effect on the coverage start, so the first change carries it.
            accountId = event.accountId();
            coverageStart = event.effectiveDate();
        }
        status = CoverageStatus.valueOf(event.toStatus());
        lastCauseEventId = event.causeEventId();
    }
}
