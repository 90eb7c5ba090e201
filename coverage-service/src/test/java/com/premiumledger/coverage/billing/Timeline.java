package com.premiumledger.coverage.billing;

import com.premiumledger.coverage.lifecycle.AccountFacts;
import com.premiumledger.coverage.lifecycle.CoverageDecider;
import com.premiumledger.coverage.lifecycle.CoverageDecision;
import com.premiumledger.coverage.lifecycle.CoverageRulesProperties;
import com.premiumledger.coverage.lifecycle.CoverageState;
import com.premiumledger.coverage.lifecycle.CoverageStatus;
import com.premiumledger.coverage.lifecycle.CoverageTransitions;
import com.premiumledger.coverage.lifecycle.CoverageTrigger;
import com.premiumledger.coverage.lifecycle.EndedGrace;
import com.premiumledger.events.AccountOpened;
import com.premiumledger.events.BillAllocation;
import com.premiumledger.events.BillIssued;
import com.premiumledger.events.CreditApplied;
import com.premiumledger.events.LedgerEvent;
import com.premiumledger.events.PaymentApplied;
import com.premiumledger.events.PaymentMissed;
import com.premiumledger.events.PaymentReversalApplied;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * One account's billing story, told to the real fold and {@link CoverageDecider} the way the handler tells
 * them, with the aggregate's bookkeeping of the state in between: no Spring, no Kafka, no clock.
 */
final class Timeline {

    static final CoverageDecider DECIDER = new CoverageDecider(CoverageTransitions.standard(),
            CoverageRulesProperties.defaults());
    static final long DUE_CENTS = 20_000;

    final String accountId = "T-1";
    AccountFacts facts = AccountFacts.none(accountId);
    CoverageState state = CoverageState.none();
    final List<CoverageDecision> changes = new ArrayList<>();
    private long sequence;

    static String billId(String month) {
        return "T-1-" + month;
    }

    Timeline open(String program, LocalDate coverageStart) {
        return event(new AccountOpened(accountId, "Ada", program, coverageStart, "en", null, "service"));
    }

    /** Bills a month due on the 23rd of the month before (the default). */
    Timeline bill(String month) {
        LocalDate due = YearMonth.parse(month).minusMonths(1).atDay(23);
        return event(new BillIssued(accountId, billId(month), month, due, 50_000, 30_000, DUE_CENTS,
                LocalDate.of(2026, 12, 1), "service"));
    }

    /** Pays the months in full with one payment received on {@code received}. */
    Timeline pay(String paymentId, LocalDate received, String... months) {
        List<BillAllocation> allocations = Arrays.stream(months)
                .map(month -> new BillAllocation(billId(month), DUE_CENTS, 0)).toList();
        return event(new PaymentApplied(accountId, paymentId, DUE_CENTS * months.length, received, allocations, 0,
                0));
    }

    Timeline payPart(String paymentId, LocalDate received, String month, long amountCents) {
        return event(new PaymentApplied(accountId, paymentId, amountCents, received,
                List.of(new BillAllocation(billId(month), amountCents, DUE_CENTS - amountCents)), 0, 0));
    }

    Timeline credit(String month) {
        return event(new CreditApplied(accountId, billId(month), DUE_CENTS, 0, 0, 0));
    }

    Timeline reverse(String paymentId, LocalDate reversed, String... months) {
        List<BillAllocation> reopened = Arrays.stream(months)
                .map(month -> new BillAllocation(billId(month), DUE_CENTS, DUE_CENTS)).toList();
        return event(new PaymentReversalApplied(accountId, paymentId, DUE_CENTS * months.length, "NSF", reversed,
                reopened, 0, DUE_CENTS * months.length));
    }

    /** Billing's decision when closing {@code businessDate}: the month's bill was missed. */
    Timeline missed(String month, LocalDate businessDate) {
        LocalDate due = YearMonth.parse(month).minusMonths(1).atDay(23);
        long open = facts.bill(billId(month)).map(bill -> bill.openCents()).orElse(DUE_CENTS);
        return event(new PaymentMissed(accountId, billId(month), month, due, open, businessDate, "calendar"));
    }

    /** Closes every day from the day after {@code from} through {@code to}, judging the account on each. */
    Timeline closeDays(LocalDate from, LocalDate to) {
        for (LocalDate day = from.plusDays(1); !day.isAfter(to); day = day.plusDays(1)) {
            judge(day, null);
        }
        return this;
    }

    Timeline close(LocalDate day) {
        return judge(day, null);
    }

    Timeline event(LedgerEvent payload) {
        BillingEventsHandler.Fold fold = BillingEventsHandler.fold(payload).orElseThrow();
        facts = fold.change().apply(facts).applied(sequence++);
        return judge(fold.eventDate() != null ? fold.eventDate() : facts.clockDate(), fold.paymentId());
    }

    private Timeline judge(LocalDate asOf, String paymentId) {
        for (int step = 0; step < 8; step++) {
            Optional<CoverageDecision> decision = DECIDER.decide(facts, state, asOf);
            if (decision.isEmpty()) {
                return this;
            }
            apply(decision.get(), paymentId);
        }
        throw new AssertionError("coverage did not settle: " + changes);
    }

    /** What the aggregate and the evaluator do with an accepted decision. */
    private void apply(CoverageDecision decision, String paymentId) {
        changes.add(decision);
        boolean inGrace = decision.to() == CoverageStatus.GRACE || decision.to() == CoverageStatus.SUSPENDED;
        EndedGrace ended = decision.trigger() == CoverageTrigger.PAST_DUE_PAID
                ? new EndedGrace(paymentId, state.graceStart(), state.graceEnd()) : state.endedGrace();
        state = new CoverageState(decision.to(), inGrace ? decision.graceStart() : null,
                inGrace ? decision.graceEnd() : null, state.version() + 1, ended);
    }

    CoverageStatus status() {
        return state.status();
    }

    CoverageDecision last() {
        return changes.get(changes.size() - 1);
    }

    int count() {
        return changes.size();
    }
}
