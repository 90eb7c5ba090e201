package com.premiumledger.billing.account;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import com.premiumledger.billing.BillingProperties;
import com.premiumledger.billing.support.CommandSender;
import com.premiumledger.events.AccountOpened;
import com.premiumledger.events.BillAllocation;
import com.premiumledger.events.BillIssued;
import com.premiumledger.events.PaymentApplied;
import com.premiumledger.events.PaymentMissed;
import com.premiumledger.platform.web.RuleViolation;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * A member's billing account: its bills, the payments applied to them, its credit, and which bills were
 * missed. Command handlers check and decide; only the event sourcing handlers change state.
 */
@Aggregate
public class BillingAccount {

    @AggregateIdentifier
    private String accountId;
    private LocalDate coverageStart;
    private final Map<String, BillState> bills = new LinkedHashMap<>();
    private final Set<String> appliedPaymentIds = new HashSet<>();
    private long creditCents;

    BillingAccount() {
        // For Axon, which rebuilds the account from its events.
    }

    @CommandHandler
    BillingAccount(OpenAccountCommand command, BillingProperties properties) {
        AccountRules.checkOpen(command, properties);
        apply(new AccountOpened(command.accountId(), command.holderName().strip(), command.program(),
                command.coverageStart(), AccountRules.languageOrDefault(command.language()), command.email(),
                command.openedBy()));
    }

    @CommandHandler
    IssueBillResult handle(IssueBillCommand command, BillingProperties properties) {
        if (command.coverageMonth() == null) {
            throw RuleViolation.invalid("coverage-month", "coverageMonth is required");
        }
        BillRules.checkAmounts(command.grossPremiumCents(), command.subsidyCents(), properties);
        if (command.coverageMonth().isBefore(YearMonth.from(coverageStart))) {
            throw RuleViolation.invalid("before-coverage-start", "coverage month " + command.coverageMonth()
                    + " is before the account's coverage start " + coverageStart);
        }
        String billId = DueDates.billId(accountId, command.coverageMonth());
        BillState existing = bills.get(billId);
        if (existing != null) {
            return sameBillOrConflict(existing, command);
        }
        if (bills.size() >= properties.billsPerAccountMax()) {
            throw RuleViolation.invalid("too-many-bills", "an account holds at most "
                    + properties.billsPerAccountMax() + " bills");
        }
        LocalDate dueDate = DueDates.resolve(command.coverageMonth(), command.dueDate(), properties.dueDayOfMonth());
        long amountDueCents = command.grossPremiumCents() - command.subsidyCents();
        apply(new BillIssued(accountId, billId, command.coverageMonth().toString(), dueDate,
                command.grossPremiumCents(), command.subsidyCents(), amountDueCents, command.issuedBy()));
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

    @CommandHandler
    boolean handle(ApplyPaymentCommand command) {
        if (appliedPaymentIds.contains(command.paymentId())) {
            return false;
        }
        if (command.amountCents() <= 0) {
            throw RuleViolation.invalid("amount", "a payment amount is positive, got " + command.amountCents());
        }
        PaymentAllocation.Result allocation = PaymentAllocation.allocate(
                bills.values().stream().map(BillState::asOpenBill).toList(), command.amountCents());
        apply(new PaymentApplied(accountId, command.paymentId(), command.amountCents(), command.receivedDate(),
                allocation.allocations(), allocation.creditCents(), allocation.accountOpenAfterCents()));
        return true;
    }

    @CommandHandler
    MissPaymentResult handle(MissPaymentCommand command) {
        if (command.businessDate() == null) {
            throw RuleViolation.invalid("business-date", "a missed payment needs the business date");
        }
        BillState bill = bills.get(command.billId());
        if (bill == null) {
            throw RuleViolation.notFound("bill-not-found", "account " + accountId + " has no bill " + command.billId());
        }
        if (bill.openCents() == 0) {
            throw RuleViolation.conflict("bill-paid", "bill " + bill.billId() + " is paid in full");
        }
        if (bill.missed()) {
            throw RuleViolation.conflict("already-missed", "bill " + bill.billId() + " is already missed");
        }
        apply(missed(bill, command.businessDate(), command.decidedBy()));
        return new MissPaymentResult(accountId, bill.billId(), bill.openCents(), command.businessDate());
    }

    @CommandHandler
    List<String> handle(DecideMissedPaymentsCommand command) {
        List<BillState> due = bills.values().stream()
                .filter(bill -> bill.dueDate().isBefore(command.businessDate()))
                .filter(bill -> bill.openCents() > 0 && !bill.missed())
                .sorted(Comparator.comparing(BillState::dueDate).thenComparing(BillState::coverageMonth))
                .toList();
        List<String> missedBillIds = new ArrayList<>();
        for (BillState bill : due) {
            apply(missed(bill, command.businessDate(), CommandSender.CALENDAR));
            missedBillIds.add(bill.billId());
        }
        return missedBillIds;
    }

    private PaymentMissed missed(BillState bill, LocalDate businessDate, String decidedBy) {
        return new PaymentMissed(accountId, bill.billId(), bill.coverageMonth(), bill.dueDate(), bill.openCents(),
                businessDate, decidedBy);
    }

    @EventSourcingHandler
    void on(AccountOpened event) {
        accountId = event.accountId();
        coverageStart = event.coverageStart();
    }

    /** Credit left by earlier overpayments pays the new bill first (the projections apply the same rule). */
    @EventSourcingHandler
    void on(BillIssued event) {
        long absorbedCents = Math.min(creditCents, event.amountDueCents());
        creditCents -= absorbedCents;
        bills.put(event.billId(), new BillState(event.billId(), event.coverageMonth(), event.dueDate(),
                event.grossPremiumCents(), event.subsidyCents(), event.amountDueCents(), absorbedCents, false));
    }

    @EventSourcingHandler
    void on(PaymentApplied event) {
        appliedPaymentIds.add(event.paymentId());
        for (BillAllocation allocation : event.allocations()) {
            bills.computeIfPresent(allocation.billId(), (id, bill) -> bill.paid(allocation.amountCents()));
        }
        creditCents += event.creditCents();
    }

    @EventSourcingHandler
    void on(PaymentMissed event) {
        bills.computeIfPresent(event.billId(), (id, bill) -> bill.markedMissed());
    }
}
