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
import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.springframework.stereotype.Component;

/**
 * Brings one account's coverage to where the rules want it as of a date: asks {@link CoverageDecider}, sends
 * the aggregate each change, continues from the state the aggregate answers with, records a move of the
 * paid-through date no change carried, and finally reminds the calendar of the next day time alone may move it.
 */
@Component
class CoverageEvaluator {

    private final CoverageDecider decider;
    private final CoverageCommands commands;
    private final CoverageStates states;
    private final CoverageCalendar calendar;
    private final int stepsMax;

    CoverageEvaluator(CoverageDecider decider, CoverageCommands commands, CoverageStates states,
                      CoverageCalendar calendar, CoverageRulesProperties rules) {
        this.decider = decider;
        this.commands = commands;
        this.states = states;
        this.calendar = calendar;
        this.stepsMax = rules.decisionStepsMax();
    }

    /**
     * @param partition the billing topic partition the account's events (and this closed day's copy) are on
     * @param causeEventId the billing event or closed day behind any change
     * @param paymentId the payment the cause applied, if any (a reversal of it may later undo a reinstatement)
     */
    void evaluate(AccountFacts facts, int partition, LocalDate asOf, String causeEventId, String paymentId) {
        if (!facts.known()) {
            return;
        }
        CoverageState state = states.load(facts.accountId());
        for (int step = 0; ; step++) {
            Optional<CoverageDecision> decision = decider.decide(facts, state, asOf);
            if (decision.isEmpty()) {
                break;
            }
            if (step >= stepsMax) {
                throw new IllegalStateException("coverage of " + facts.accountId() + " still moving after " + stepsMax
                        + " changes as of " + asOf + ": the rules loop (" + decision.get() + ")");
            }
            state = send(facts, state, decision.get(), causeEventId, paymentId);
            states.save(facts.accountId(), state);
        }
        LocalDate paidThrough = facts.paidThroughDate();
        if (state.status() != null && state.status().tracksPaidThrough()
                && !Objects.equals(paidThrough, state.paidThroughDate())) {
            CoverageState after = commands.send(new RecordPaidThroughCommand(facts.accountId(), facts.program(),
                    paidThrough, asOf, causeEventId));
            state = after.withEndedGrace(state.endedGrace());
            states.save(facts.accountId(), state);
        }
        decider.nextTimeDecision(facts, state).ifPresent(day -> calendar.remind(facts.accountId(), partition, day));
    }

    private CoverageState send(AccountFacts facts, CoverageState before, CoverageDecision decision,
                               String causeEventId, String paymentId) {
        if (decision.from() == null) {
            return start(facts, before, decision, causeEventId);
        }
        CoverageState after = commands.send(new ChangeCoverageCommand(facts.accountId(), facts.program(), decision,
                causeEventId));
        boolean reinstated = decision.trigger() == CoverageTrigger.PAST_DUE_PAID && after.version() > before.version()
                && after.status() == CoverageStatus.ACTIVE;
        return after.withEndedGrace(reinstated ? new EndedGrace(paymentId, before.graceStart(), before.graceEnd())
                : before.endedGrace());
    }

    private CoverageState start(AccountFacts facts, CoverageState before, CoverageDecision decision,
                                String causeEventId) {
        try {
            commands.send(new StartCoverageCommand(facts.accountId(), facts.program(), decision, causeEventId));
        } catch (AggregateStreamCreationException alreadyStarted) {
            // A replay after a crash between the command and saving its state: coverage exists. If it has moved
            // on since, the next change is refused as stale and the aggregate answers with where it is.
        }
        return new CoverageState(decision.to(), null, null, 0, before.endedGrace(), decision.paidThroughDate());
    }
}
