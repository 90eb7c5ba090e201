package com.premiumledger.coverage.lifecycle;

import java.time.LocalDate;
import java.util.Optional;

/**
 * The one place coverage is decided: a pure function of the account's billing facts, its coverage state and
 * the date as of which to judge ({@code asOf}: the date the triggering event carries, or the closed day).
 * It finds which trigger applies, and the table says where that trigger leads. No wall clock, so the same
 * facts and date always give the same decision.
 */
public final class CoverageDecider {

    private final CoverageTransitions table;
    private final CoverageRulesProperties rules;

    public CoverageDecider(CoverageTransitions table, CoverageRulesProperties rules) {
        this.table = table;
        this.rules = rules;
    }

    public ProgramRule rule(String program) {
        return rules.rule(program).orElseThrow(() -> new IllegalStateException("no coverage rule for program "
                + program + "; configure premium.coverage.rules.programs." + program));
    }

    /**
     * The next change, or empty when coverage is where the rules want it. One change at a time: the caller
     * applies it and asks again, so a lagging account catches up step by step (GRACE, then SUSPENDED).
     *
     * @param asOf null when no date is known yet (then only date-free rules apply)
     */
    public Optional<CoverageDecision> decide(AccountFacts facts, CoverageState state, LocalDate asOf) {
        if (!facts.known()) {
            return Optional.empty();
        }
        ProgramRule rule = rule(facts.program());
        Optional<Found> found = find(facts, state, asOf, rule);
        return found.flatMap(candidate -> table.next(state.status(), candidate.trigger())
                .map(transition -> decision(facts, state, asOf, rule, candidate, transition)));
    }

    /** The first day on which time alone may move coverage (a deadline, a suspension, a grace end). */
    public Optional<LocalDate> nextTimeDecision(AccountFacts facts, CoverageState state) {
        if (!facts.known() || state.status() == null) {
            return Optional.empty();
        }
        ProgramRule rule = rule(facts.program());
        return switch (state.status()) {
            case PENDING_PAYMENT -> Optional.of(rule.binderDeadline(facts.coverageStart()).plusDays(1));
            case GRACE, SUSPENDED -> {
                GracePeriod grace = graceOf(facts, state, rule).orElse(null);
                if (grace == null) {
                    yield Optional.empty();
                }
                LocalDate afterGrace = grace.end().plusDays(1);
                boolean suspendsLater = state.status() == CoverageStatus.GRACE && grace.suspendFrom() != null
                        && grace.suspendFrom().isBefore(afterGrace);
                yield Optional.of(suspendsLater ? grace.suspendFrom() : afterGrace);
            }
            default -> Optional.empty();
        };
    }

    private record Found(CoverageTrigger trigger, GracePeriod grace) {
    }

    private Optional<Found> find(AccountFacts facts, CoverageState state, LocalDate asOf, ProgramRule rule) {
        if (state.status() == null) {
            return Optional.of(new Found(CoverageTrigger.ENROLLMENT, null));
        }
        return switch (state.status()) {
            case PENDING_PAYMENT -> binder(facts, asOf, rule);
            case ACTIVE -> reversedReinstatement(facts, state, asOf, rule).or(() -> missed(facts, rule));
            case GRACE, SUSPENDED -> inGrace(facts, state, asOf, rule);
            case TERMINATED, CANCELLED -> Optional.empty();
        };
    }

    private static Optional<Found> binder(AccountFacts facts, LocalDate asOf, ProgramRule rule) {
        if (facts.binder().map(bill -> bill.openCents() == 0).orElse(false)) {
            return Optional.of(new Found(CoverageTrigger.BINDER_PAID, null));
        }
        if (asOf != null && asOf.isAfter(rule.binderDeadline(facts.coverageStart()))) {
            return Optional.of(new Found(CoverageTrigger.BINDER_DEADLINE_PASSED, null));
        }
        return Optional.empty();
    }

    private static Optional<Found> missed(AccountFacts facts, ProgramRule rule) {
        return facts.earliestMissedOpen().map(bill -> new Found(CoverageTrigger.PAYMENT_MISSED, rule.graceFor(bill)));
    }

    /** Without the payment that ended grace, the account is back in that grace period, as of the reversal. */
    private static Optional<Found> reversedReinstatement(AccountFacts facts, CoverageState state, LocalDate asOf,
                                                         ProgramRule rule) {
        EndedGrace ended = state.endedGrace();
        if (asOf == null || ended == null || ended.paymentId() == null
                || !facts.reversedPaymentIds().contains(ended.paymentId()) || facts.pastDueOpenCents(asOf) == 0) {
            return Optional.empty();
        }
        GracePeriod grace = rule.graceFrom(ended.graceStart(), ended.graceEnd());
        CoverageTrigger trigger = grace.ranOutBy(asOf) ? CoverageTrigger.REINSTATEMENT_REVERSED_AFTER_GRACE
                : grace.suspendedOn(asOf) ? CoverageTrigger.REINSTATEMENT_REVERSED_IN_SUSPENSION
                : CoverageTrigger.REINSTATEMENT_REVERSED_IN_GRACE;
        return Optional.of(new Found(trigger, grace));
    }

    private static Optional<Found> inGrace(AccountFacts facts, CoverageState state, LocalDate asOf,
                                           ProgramRule rule) {
        GracePeriod grace = graceOf(facts, state, rule).orElse(null);
        if (asOf == null || grace == null) {
            return Optional.empty();
        }
        if (!grace.ranOutBy(asOf) && facts.pastDueOpenCents(asOf) == 0) {
            return Optional.of(new Found(CoverageTrigger.PAST_DUE_PAID, grace));
        }
        if (grace.ranOutBy(asOf)) {
            return Optional.of(new Found(CoverageTrigger.GRACE_EXPIRED, grace));
        }
        if (state.status() == CoverageStatus.GRACE && grace.suspendedOn(asOf)) {
            return Optional.of(new Found(CoverageTrigger.SUSPENSION_DATE_REACHED, grace));
        }
        return Optional.empty();
    }

    /** The state's grace period; a change upcast from v1 had no dates, so the missed bill gives them. */
    private static Optional<GracePeriod> graceOf(AccountFacts facts, CoverageState state, ProgramRule rule) {
        if (state.graceStart() != null && state.graceEnd() != null) {
            return Optional.of(rule.graceFrom(state.graceStart(), state.graceEnd()));
        }
        return facts.earliestMissedOpen().map(rule::graceFor);
    }

    private static CoverageDecision decision(AccountFacts facts, CoverageState state, LocalDate asOf,
                                             ProgramRule rule, Found found, Transition transition) {
        LocalDate paidThrough = facts.paidThroughDate();
        GracePeriod grace = found.grace();
        boolean inOrAfterGrace = transition.target() == CoverageStatus.GRACE
                || transition.target() == CoverageStatus.SUSPENDED || transition.target() == CoverageStatus.TERMINATED;
        LocalDate termination = transition.target() == CoverageStatus.TERMINATED
                ? rule.terminationEffective(grace, paidThrough, facts.coverageStart()) : null;
        LocalDate effective = switch (found.trigger()) {
            case ENROLLMENT, BINDER_PAID, BINDER_DEADLINE_PASSED -> facts.coverageStart();
            // Grace status starts the day after the missed due date, whichever event noticed it first.
            case PAYMENT_MISSED -> facts.earliestMissedOpen().orElseThrow().dueDate().plusDays(1);
            case SUSPENSION_DATE_REACHED -> grace.suspendFrom();
            case GRACE_EXPIRED, REINSTATEMENT_REVERSED_AFTER_GRACE -> termination;
            case PAST_DUE_PAID, REINSTATEMENT_REVERSED_IN_GRACE, REINSTATEMENT_REVERSED_IN_SUSPENSION -> asOf;
        };
        return new CoverageDecision(found.trigger(), state.status(), transition.target(), transition.reason(),
                effective, inOrAfterGrace && grace != null ? grace.start() : null,
                inOrAfterGrace && grace != null ? grace.end() : null, paidThrough, termination);
    }
}
