package com.premiumledger.coverage.billing;

import com.premiumledger.coverage.lifecycle.AccountFacts;
import com.premiumledger.coverage.lifecycle.ChangeCoverageCommand;
import com.premiumledger.coverage.lifecycle.CoverageDecider;
import com.premiumledger.coverage.lifecycle.CoverageDecision;
import com.premiumledger.coverage.lifecycle.CoverageRulesProperties;
import com.premiumledger.coverage.lifecycle.CoverageState;
import com.premiumledger.coverage.lifecycle.CoverageStatus;
import com.premiumledger.coverage.lifecycle.CoverageTrigger;
import com.premiumledger.coverage.lifecycle.EndedGrace;
import com.premiumledger.coverage.lifecycle.RecordPaidThroughCommand;
import com.premiumledger.coverage.lifecycle.StartCoverageCommand;
import com.premiumledger.coverage.CoverageServiceApplication;
import com.premiumledger.platform.command.LedgerCommands;
import com.premiumledger.platform.command.LedgerCommands.Cause;
import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.springframework.stereotype.Component;

/**
 * Brings one account's coverage to where the rules want it as of a date: asks {@link CoverageDecider}, sends
 * the aggregate each change, continues from the state the aggregate answers with, and records a move of the
 * paid-through date no change carried. Keeps nothing itself: the caller hands it the state to start from, keeps
 * the state it answers with, and asks {@link #nextLook} when time alone may move the account next.
 */
@Component
class CoverageEvaluator {

    /** Commands here follow from billing events and closed days, not from a person: the service issues them. */
    static final String ISSUED_BY = CoverageServiceApplication.NAME;


    private final CoverageDecider decider;
    private final LedgerCommands commands;
    private final int stepsMax;

    CoverageEvaluator(CoverageDecider decider, LedgerCommands commands, CoverageRulesProperties rules) {
        this.decider = decider;
        this.commands = commands;
        this.stepsMax = rules.decisionStepsMax();
    }

    /**
     * The coverage state after every change the rules want as of {@code asOf}; {@code state} itself when they
     * want none (so a settled account sends no command: the same facts, state and date decide nothing twice).
     *
     * @param cause the billing event or closed day behind any change
     * @param paymentId the payment the cause applied, if any (a reversal of it may later undo a reinstatement)
     */
    CoverageState evaluate(AccountFacts facts, CoverageState state, LocalDate asOf, Cause cause,
                           String paymentId) {
        if (!facts.known()) {
            return state;
        }
        CoverageState current = state;
        for (int step = 0; ; step++) {
            Optional<CoverageDecision> decision = decider.decide(facts, current, asOf);
            if (decision.isEmpty()) {
                break;
            }
            if (step >= stepsMax) {
                throw new IllegalStateException("coverage of " + facts.accountId() + " still moving after " + stepsMax
                        + " changes as of " + asOf + ": the rules loop (" + decision.get() + ")");
            }
            current = send(facts, current, decision.get(), cause, paymentId);
        }
        LocalDate paidThrough = facts.paidThroughDate();
        if (current.status() != null && current.status().tracksPaidThrough()
                && !Objects.equals(paidThrough, current.paidThroughDate())) {
            CoverageState after = commands.send(new RecordPaidThroughCommand(facts.accountId(), facts.program(),
                    paidThrough, asOf, cause.eventId()), ISSUED_BY, cause);
            current = after.withEndedGrace(current.endedGrace());
        }
        return current;
    }

    /** The next day time alone may move the account's coverage, if any. */
    Optional<LocalDate> nextLook(AccountFacts facts, CoverageState state) {
        return decider.nextTimeDecision(facts, state);
    }

    private CoverageState send(AccountFacts facts, CoverageState before, CoverageDecision decision,
                               Cause cause, String paymentId) {
        if (decision.from() == null) {
            return start(facts, before, decision, cause);
        }
        CoverageState after = commands.send(new ChangeCoverageCommand(facts.accountId(), facts.program(), decision,
                cause.eventId()), ISSUED_BY, cause);
        boolean reinstated = decision.trigger() == CoverageTrigger.PAST_DUE_PAID && after.version() > before.version()
                && after.status() == CoverageStatus.ACTIVE;
        return after.withEndedGrace(reinstated ? new EndedGrace(paymentId, before.graceStart(), before.graceEnd())
                : before.endedGrace());
    }

    private CoverageState start(AccountFacts facts, CoverageState before, CoverageDecision decision,
                                Cause cause) {
        try {
            commands.send(new StartCoverageCommand(facts.accountId(), facts.program(), decision, cause.eventId()),
                    ISSUED_BY, cause);
        } catch (AggregateStreamCreationException alreadyStarted) {
            // A replay after a crash between the command and saving its state: coverage exists. If it has moved
            // on since, the next change is refused as stale and the aggregate answers with where it is.
        }
        return new CoverageState(decision.to(), null, null, 0, before.endedGrace(), decision.paidThroughDate());
    }
}
