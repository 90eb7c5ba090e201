package com.premiumledger.coverage.lifecycle;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The coverage status machine as data: (status, trigger) to target, reason and effective-date rule. The
 * aggregate only asks this table, so a new rule (APTC suspension, termination) is a new row, not a new code
 * path. A null status means "no coverage yet".
 *
 * <p>Invariant, checked when the table is built: no transition's target moves again on the same trigger.
 * A billing event delivered twice therefore changes coverage at most once.
 */
public final class CoverageTransitions {

    private record Key(CoverageStatus from, CoverageTrigger trigger) {
    }

    private final Map<Key, Transition> rows;

    private CoverageTransitions(Map<Key, Transition> rows) {
        this.rows = Map.copyOf(rows);
        this.rows.forEach(this::checkIdempotentAtTarget);
    }

    /** The rules of this cut: enrollment, binder payment, missed payment, paid in full from grace. */
    public static CoverageTransitions standard() {
        return builder()
                .row(null, CoverageTrigger.ENROLLMENT,
                        CoverageStatus.PENDING_PAYMENT, CoverageReason.ENROLLED, EffectiveDateRule.COVERAGE_START)
                .row(CoverageStatus.PENDING_PAYMENT, CoverageTrigger.BILL_PAID_IN_FULL,
                        CoverageStatus.ACTIVE, CoverageReason.BINDER_PAID, EffectiveDateRule.COVERAGE_START)
                .row(CoverageStatus.GRACE, CoverageTrigger.ACCOUNT_PAID_IN_FULL,
                        CoverageStatus.ACTIVE, CoverageReason.PAID_IN_FULL, EffectiveDateRule.TRIGGER_DATE)
                // No grace on the binder: PENDING_PAYMENT has no PAYMENT_MISSED row.
                .row(CoverageStatus.ACTIVE, CoverageTrigger.PAYMENT_MISSED,
                        CoverageStatus.GRACE, CoverageReason.PAYMENT_MISSED, EffectiveDateRule.TRIGGER_DATE)
                .build();
    }

    public static Builder builder() {
        return new Builder();
    }

    public Optional<Transition> next(CoverageStatus from, CoverageTrigger trigger) {
        return Optional.ofNullable(rows.get(new Key(from, Objects.requireNonNull(trigger, "trigger"))));
    }

    /** The first of {@code triggers}, in the order given, that moves {@code from}; empty when none does. */
    public Optional<Transition> first(CoverageStatus from, List<CoverageTrigger> triggers) {
        for (CoverageTrigger trigger : triggers) {
            Optional<Transition> transition = next(from, trigger);
            if (transition.isPresent()) {
                return transition;
            }
        }
        return Optional.empty();
    }

    private void checkIdempotentAtTarget(Key key, Transition transition) {
        if (transition.target() == key.from()) {
            throw new IllegalArgumentException("a transition must change the status: " + key + " -> " + transition);
        }
        if (rows.containsKey(new Key(transition.target(), key.trigger()))) {
            throw new IllegalArgumentException("not idempotent: " + key.trigger() + " moves " + key.from() + " to "
                    + transition.target() + ", which " + key.trigger() + " moves again");
        }
    }

    /** Collects rows; a (status, trigger) pair may appear once. */
    public static final class Builder {

        private final Map<Key, Transition> rows = new HashMap<>();

        public Builder row(CoverageStatus from, CoverageTrigger trigger, CoverageStatus target,
                           CoverageReason reason, EffectiveDateRule effectiveDate) {
            Key key = new Key(from, Objects.requireNonNull(trigger, "trigger"));
            if (rows.putIfAbsent(key, new Transition(target, reason, effectiveDate)) != null) {
                throw new IllegalArgumentException("two rows for " + from + " on " + trigger);
            }
            return this;
        }

        public CoverageTransitions build() {
            return new CoverageTransitions(rows);
        }
    }
}
