package com.premiumledger.coverage.billing;

import com.premiumledger.coverage.lifecycle.AccountFacts;
import com.premiumledger.coverage.lifecycle.BillFact;
import com.premiumledger.coverage.lifecycle.CoverageRulesProperties;
import com.premiumledger.events.AccountOpened;
import com.premiumledger.events.BillAllocation;
import com.premiumledger.events.BillIssued;
import com.premiumledger.events.CreditApplied;
import com.premiumledger.events.DayClosed;
import com.premiumledger.events.LedgerEvent;
import com.premiumledger.events.PaymentApplied;
import com.premiumledger.events.PaymentMissed;
import com.premiumledger.events.PaymentReversalApplied;
import com.premiumledger.events.Topics;
import com.premiumledger.platform.consumer.EventStreamHandler;
import com.premiumledger.platform.consumer.ReceivedEvent;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.springframework.stereotype.Component;

/**
 * Billing facts in, coverage decisions out, in each account's event order (and the calendar's). An account
 * event is folded into the account's facts once, then the account is judged as of the date the event carries
 * (a payment's received date, a reversal's date, the day a payment was missed). A closed day, once per
 * partition, judges that partition's accounts the calendar was reminded of for the days it closes. The event id
 * travels as the cause. Each batch is judged by one {@link BillingBatch}, whose guards make a redelivered event
 * or closed-day copy decide nothing.
 */
@Component
class BillingEventsHandler implements EventStreamHandler {

    private final AccountFactsStore facts;
    private final CoverageStates states;
    private final CoverageCalendar calendar;
    private final CoverageEvaluator evaluator;
    private final int daySpanMax;

    BillingEventsHandler(AccountFactsStore facts, CoverageStates states, CoverageCalendar calendar,
                         CoverageEvaluator evaluator, CoverageRulesProperties rules) {
        this.facts = facts;
        this.states = states;
        this.calendar = calendar;
        this.evaluator = evaluator;
        this.daySpanMax = rules.daySpanMax();
    }

    @Override
    public String name() {
        return "billing-events";
    }

    @Override
    public List<String> topics() {
        return List.of(Topics.BILLING);
    }

    @Override
    public Set<Class<? extends LedgerEvent>> eventTypes() {
        return Set.of(AccountOpened.class, BillIssued.class, PaymentApplied.class, CreditApplied.class,
                PaymentReversalApplied.class, PaymentMissed.class, DayClosed.class);
    }

    /** Each partition's copy of a closed day judges that partition's accounts (see {@link CoverageCalendar}). */
    @Override
    public boolean broadcastPerPartition() {
        return true;
    }

    @Override
    public void handle(ReceivedEvent event) {
        handleAll(List.of(event));
    }

    @Override
    public void handleAll(List<ReceivedEvent> events) {
        new BillingBatch(facts, states, calendar, evaluator, daySpanMax).run(events);
    }

    /** How one billing event changes an account's facts, and the date and payment it carries. */
    record Fold(String accountId, UnaryOperator<AccountFacts> change, LocalDate eventDate, String paymentId) {
    }

    static Optional<Fold> fold(LedgerEvent payload) {
        if (payload instanceof AccountOpened opened) {
            return Optional.of(new Fold(opened.accountId(),
                    account -> account.opened(opened.program(), opened.coverageStart()), null, null));
        }
        if (payload instanceof BillIssued issued) {
            return Optional.of(new Fold(issued.accountId(), account -> account.billIssued(new BillFact(
                    issued.billId(), YearMonth.parse(issued.coverageMonth()), issued.dueDate(),
                    issued.amountDueCents(), issued.amountDueCents(), false)), null, null));
        }
        if (payload instanceof PaymentApplied applied) {
            return Optional.of(new Fold(applied.accountId(), account -> allocate(account, applied.allocations())
                    .at(applied.receivedDate()), applied.receivedDate(), applied.paymentId()));
        }
        if (payload instanceof CreditApplied credit) {
            return Optional.of(new Fold(credit.accountId(),
                    account -> account.billOpen(credit.billId(), credit.billOpenAfterCents()), null, null));
        }
        if (payload instanceof PaymentReversalApplied reversal) {
            return Optional.of(new Fold(reversal.accountId(), account -> allocate(account, reversal.reopened())
                    .reversed(reversal.paymentId()).at(reversal.reversedDate()), reversal.reversedDate(), null));
        }
        if (payload instanceof PaymentMissed missed) {
            return Optional.of(new Fold(missed.accountId(), account -> account.missed(missed.billId(),
                    YearMonth.parse(missed.coverageMonth()), missed.dueDate(), missed.openCents())
                    .at(missed.businessDate()), missed.businessDate(), null));
        }
        return Optional.empty();
    }

    private static AccountFacts allocate(AccountFacts account, List<BillAllocation> allocations) {
        AccountFacts next = account;
        for (BillAllocation allocation : allocations) {
            next = next.billOpen(allocation.billId(), allocation.billOpenAfterCents());
        }
        return next;
    }
}
