package com.premiumledger.billing.account;

import com.premiumledger.billing.support.Authors;
import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import com.premiumledger.billing.BillingProperties;
import com.premiumledger.platform.command.LedgerCommands;
import com.premiumledger.events.AccountOpened;
import com.premiumledger.events.AutopayCancelled;
import com.premiumledger.events.AutopayEnrolled;
import com.premiumledger.events.AutopayFailed;
import com.premiumledger.events.BillIssued;
import com.premiumledger.events.LedgerEvent;
import com.premiumledger.events.PaymentMissed;
import com.premiumledger.platform.web.RuleViolation;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateLifecycle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * A member's billing account: its bills, the payments applied to them, its credit, and which bills were
 * missed. Command handlers check and decide; only the event sourcing handlers change state.
 */
@Aggregate
public class BillingAccount {

    private static final Logger log = LoggerFactory.getLogger(BillingAccount.class);

    @AggregateIdentifier
    private String accountId;
    private final AccountBook book = new AccountBook();
    private AutopayState autopay = AutopayState.NONE;

    BillingAccount() {
        // For Axon, which rebuilds the account from its events.
    }

    @CommandHandler
    BillingAccount(OpenAccountCommand command, BillingProperties properties) {
        AccountRules.checkOpen(command, properties);
        apply(new AccountOpened(command.accountId(), command.holderName().strip(), command.program(),
                command.coverageStart(), AccountRules.languageOrDefault(command.language()), command.email(),
                command.phone(), command.mailingAddress(), command.noticePreference(), command.openedBy()));
    }

    @CommandHandler
    IssueBillResult handle(IssueBillCommand command, BillingProperties properties) {
        if (command.coverageMonth() == null) {
            throw RuleViolation.invalid("coverage-month", "coverageMonth is required");
        }
        if (command.issuedDate() == null) {
            throw RuleViolation.invalid("issued-date", "a bill needs the business date it is issued on");
        }
        BillRules.checkAmounts(command.grossPremiumCents(), command.subsidyCents(), properties);
        if (command.coverageMonth().isBefore(YearMonth.from(book.coverageStart()))) {
            throw RuleViolation.invalid("before-coverage-start", "coverage month " + command.coverageMonth()
                    + " is before the account's coverage start " + book.coverageStart());
        }
        String billId = DueDates.billId(accountId, command.coverageMonth());
        BillState existing = book.bill(billId);
        if (existing != null) {
            return sameBillOrConflict(existing, command);
        }
        if (book.bills().size() >= properties.billsPerAccountMax()) {
            throw RuleViolation.invalid("too-many-bills", "an account holds at most "
                    + properties.billsPerAccountMax() + " bills");
        }
        LocalDate dueDate = DueDates.resolve(command.coverageMonth(), command.dueDate(), properties.dueDayOfMonth());
        long amountDueCents = command.grossPremiumCents() - command.subsidyCents();
        applyAll(AccountDecisions.issueBill(book, new BillIssued(accountId, billId, command.coverageMonth().toString(),
                dueDate, command.grossPremiumCents(), command.subsidyCents(), amountDueCents, command.issuedDate(),
                command.issuedBy())));
        return new IssueBillResult(billId, accountId, command.coverageMonth().toString(), dueDate,
                command.grossPremiumCents(), command.subsidyCents(), amountDueCents, true);
    }

    /** A retried IssueBill is answered with the bill it made; a different bill for the same month is refused. */
    private IssueBillResult sameBillOrConflict(BillState existing, IssueBillCommand command) {
        boolean same = existing.grossPremiumCents() == command.grossPremiumCents()
                && existing.subsidyCents() == command.subsidyCents()
                && (command.dueDate() == null || command.dueDate().equals(existing.dueDate()));
        if (!same) {
            throw RuleViolation.conflict("bill-differs", "bill " + existing.billId()
                    + " was already issued with different amounts or due date");
        }
        return new IssueBillResult(existing.billId(), accountId, existing.coverageMonth(), existing.dueDate(),
                existing.grossPremiumCents(), existing.subsidyCents(), existing.amountDueCents(), false);
    }

    /** True when applied now, false when the payment was already applied. */
    @CommandHandler
    boolean handle(ApplyPaymentCommand command) {
        if (command.amountCents() <= 0) {
            throw RuleViolation.invalid("amount", "a payment amount is positive, got " + command.amountCents());
        }
        return applyAll(AccountDecisions.applyPayment(book, command.paymentId(), command.amountCents(),
                command.receivedDate()));
    }

    /** True when reversed now; false when already reversed, or never applied here (it may still be unapplied). */
    @CommandHandler
    boolean handle(ReversePaymentCommand command) {
        if (command.amountCents() <= 0) {
            throw RuleViolation.invalid("amount", "a reversal amount is positive, got " + command.amountCents());
        }
        if (command.reversedDate() == null) {
            throw RuleViolation.invalid("reversed-date", "a reversal needs the date the payment was reversed");
        }
        if (!book.hasApplied(command.paymentId())) {
            log.info("account {} never applied payment {}; its reversal changes nothing here", accountId,
                    command.paymentId());
        }
        return applyAll(AccountDecisions.reversePayment(book, command.paymentId(), command.amountCents(),
                command.reason(), command.reversedDate(), command.businessDate()));
    }

    /** True when decided now (paid or rejected), false when this refund was already decided. */
    @CommandHandler
    boolean handle(DecideRefundCommand command) {
        return applyAll(AccountDecisions.decideRefund(book, command.refundId(), command.paymentId(),
                command.amountCents(), command.method(), command.requestedDate()));
    }

    @CommandHandler
    MissPaymentResult handle(MissPaymentCommand command) {
        if (command.businessDate() == null) {
            throw RuleViolation.invalid("business-date", "a missed payment needs the business date");
        }
        BillState bill = book.bill(command.billId());
        if (bill == null) {
            throw RuleViolation.notFound("bill-not-found", "account " + accountId + " has no bill " + command.billId());
        }
        if (bill.openCents() == 0) {
            throw RuleViolation.conflict("bill-paid", "bill " + bill.billId() + " is paid in full");
        }
        if (bill.missed()) {
            throw RuleViolation.conflict("already-missed", "bill " + bill.billId() + " is already missed");
        }
        apply(AccountDecisions.missed(accountId, bill, command.businessDate(), command.decidedBy()));
        return new MissPaymentResult(accountId, bill.billId(), bill.openCents(), command.businessDate());
    }

    @CommandHandler
    List<String> handle(DecideMissedPaymentsCommand command) {
        List<LedgerEvent> missed = AccountDecisions.missedBills(book, command.businessDate(), Authors.CALENDAR);
        applyAll(missed);
        return missed.stream().map(event -> ((PaymentMissed) event).billId()).toList();
    }

    @CommandHandler
    void handle(EnrollAutopayCommand command) {
        apply(AutopayRules.enroll(accountId, autopay, command));
    }

    @CommandHandler
    void handle(CancelAutopayCommand command) {
        apply(AutopayRules.cancel(accountId, autopay, command));
    }

    @CommandHandler
    void handle(ReportAutopayFailureCommand command) {
        apply(AutopayRules.failed(accountId, autopay, command.billId() != null && book.bill(command.billId()) != null,
                command));
    }

    private boolean applyAll(List<LedgerEvent> events) {
        events.forEach(AggregateLifecycle::apply);
        return !events.isEmpty();
    }

    @EventSourcingHandler
    void on(AccountOpened event) {
        accountId = event.accountId();
        book.evolve(event);
    }

    @EventSourcingHandler
    void on(AutopayEnrolled event) {
        autopay = new AutopayState(true, event.method(), event.lastFour());
    }

    @EventSourcingHandler
    void on(AutopayCancelled event) {
        autopay = AutopayState.NONE;
    }

    /** A failed charge changes nothing here: the bill stays open and the enrollment stays. */
    @EventSourcingHandler
    void on(AutopayFailed event) {
        // Nothing to fold; the handler only keeps the event away from the book.
    }

    /** Every other account event only moves the book; deciding happened before it was applied. */
    @EventSourcingHandler
    void on(LedgerEvent event) {
        book.evolve(event);
    }
}
