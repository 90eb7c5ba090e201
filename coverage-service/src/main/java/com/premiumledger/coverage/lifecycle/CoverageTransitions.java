package com.premiumledger.coverage.lifecycle;

import static com.premiumledger.coverage.lifecycle.CoverageReason.BINDER_NOT_PAID;
import static com.premiumledger.coverage.lifecycle.CoverageReason.BINDER_PAID;
import static com.premiumledger.coverage.lifecycle.CoverageReason.ENROLLED;
import static com.premiumledger.coverage.lifecycle.CoverageReason.GRACE_EXPIRED;
import static com.premiumledger.coverage.lifecycle.CoverageReason.GRACE_MONTH_1_ENDED;
import static com.premiumledger.coverage.lifecycle.CoverageReason.PAID_IN_FULL;
import static com.premiumledger.coverage.lifecycle.CoverageReason.PAYMENT_MISSED;
import static com.premiumledger.coverage.lifecycle.CoverageReason.PAYMENT_REVERSED;
import static com.premiumledger.coverage.lifecycle.CoverageStatus.ACTIVE;
import static com.premiumledger.coverage.lifecycle.CoverageStatus.CANCELLED;
import static com.premiumledger.coverage.lifecycle.CoverageStatus.GRACE;
import static com.premiumledger.coverage.lifecycle.CoverageStatus.PENDING_PAYMENT;
import static com.premiumledger.coverage.lifecycle.CoverageStatus.SUSPENDED;
import static com.premiumledger.coverage.lifecycle.CoverageStatus.TERMINATED;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The coverage status machine as data: (status, trigger) to target and reason. {@link CoverageDecider} finds
 * the trigger, and the aggregate checks every change against this table again, so a new rule is a new row,
 * not a new code path. A null status means "no coverage yet".
 *
 * <p>Invariant, checked when the table is built: no transition's target moves again on the same trigger, so
 * the same fact seen twice changes coverage at most once.
 */
public final class CoverageTransitions {

    private record Key(CoverageStatus from, CoverageTrigger trigger) {
    }

    private final Map<Key, Transition> rows;

    private CoverageTransitions(Map<Key, Transition> rows) {
        this.rows = Map.copyOf(rows);
        this.rows.forEach(this::checkIdempotentAtTarget);
    }

    /** The exchange rules: binder, missed payment, grace, suspension, termination, reinstatement, reversal. */
    public static CoverageTransitions standard() {
        return builder()
                .row(null, CoverageTrigger.ENROLLMENT, PENDING_PAYMENT, ENROLLED)
                .row(PENDING_PAYMENT, CoverageTrigger.BINDER_PAID, ACTIVE, BINDER_PAID)
                // No grace on the binder: PENDING_PAYMENT has no PAYMENT_MISSED row.
                .row(PENDING_PAYMENT, CoverageTrigger.BINDER_DEADLINE_PASSED, CANCELLED, BINDER_NOT_PAID)
                .row(ACTIVE, CoverageTrigger.PAYMENT_MISSED, GRACE, PAYMENT_MISSED)
                // Further misses during grace start no new grace: GRACE and SUSPENDED have no PAYMENT_MISSED row.
                .row(GRACE, CoverageTrigger.PAST_DUE_PAID, ACTIVE, PAID_IN_FULL)
                .row(SUSPENDED, CoverageTrigger.PAST_DUE_PAID, ACTIVE, PAID_IN_FULL)
                .row(GRACE, CoverageTrigger.SUSPENSION_DATE_REACHED, SUSPENDED, GRACE_MONTH_1_ENDED)
                .row(GRACE, CoverageTrigger.GRACE_EXPIRED, TERMINATED, GRACE_EXPIRED)
                .row(SUSPENDED, CoverageTrigger.GRACE_EXPIRED, TERMINATED, GRACE_EXPIRED)
                .row(ACTIVE, CoverageTrigger.REINSTATEMENT_REVERSED_IN_GRACE, GRACE, PAYMENT_REVERSED)
                .row(ACTIVE, CoverageTrigger.REINSTATEMENT_REVERSED_IN_SUSPENSION, SUSPENDED, PAYMENT_REVERSED)
                .row(ACTIVE, CoverageTrigger.REINSTATEMENT_REVERSED_AFTER_GRACE, TERMINATED, PAYMENT_REVERSED)
                .build();
    }

    public static Builder builder() {
        return new Builder();
    }

    public Optional<Transition> next(CoverageStatus from, CoverageTrigger trigger) {
        return Optional.ofNullable(rows.get(new Key(from, Objects.requireNonNull(trigger, "trigger"))));
    }

    private void checkIdempotentAtTarget(Key key, Transition transition) {
        if (transition.target() == key.from()) {
            throw new IllegalArgumentException("a transition must change the status: " + key + " -> " + transition);
        }
        if (rows.containsKey(new Key(transition.target(), key.trigger()))) {
            throw new IllegalArgumentException("not idempotent: " + key.trigger() + " moves " + key.from() + " to "
                    + transition.target() + ", which " + key.trigger() + " moves again");
        }
        if (key.from() != null && key.from().isFinal()) {
            throw new IllegalArgumentException(key.from() + " is final; no row may leave it");
        }
    }

    /** Collects rows; a (status, trigger) pair may appear once. */
    public static final class Builder {

        private final Map<Key, Transition> rows = new HashMap<>();

        public Builder row(CoverageStatus from, CoverageTrigger trigger, CoverageStatus target,
                           CoverageReason reason) {
            Key key = new Key(from, Objects.requireNonNull(trigger, "trigger"));
            if (rows.putIfAbsent(key, new Transition(target, reason)) != null) {
                throw new IllegalArgumentException("two rows for " + from + " on " + trigger);
            }
            return this;
        }

        public CoverageTransitions build() {
            return new CoverageTransitions(rows);
        }
    }
}
