package com.premiumledger.coverage.lifecycle;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * What billing told coverage about one account, folded from its events in order: program, coverage start,
 * every bill, the reversed payments, the latest date its events carried, and the last billing sequence
 * applied. Immutable; each billing event gives a new copy.
 *
 * @param clockDate the latest business date this account's own events carried (null before any)
 * @param lastSequence billing sequence of the last event folded in; -1 for none
 */
public record AccountFacts(String accountId, String program, LocalDate coverageStart, List<BillFact> bills,
                           Set<String> reversedPaymentIds, LocalDate clockDate, long lastSequence) {

    public AccountFacts {
        Objects.requireNonNull(accountId, "accountId");
        bills = List.copyOf(bills);
        reversedPaymentIds = Set.copyOf(reversedPaymentIds);
    }

    public static AccountFacts none(String accountId) {
        return new AccountFacts(accountId, null, null, List.of(), Set.of(), null, -1);
    }

    /** True once the account was opened: without program and start no rule can apply. */
    public boolean known() {
        return program != null && coverageStart != null;
    }

    public AccountFacts opened(String newProgram, LocalDate newCoverageStart) {
        return new AccountFacts(accountId, newProgram, newCoverageStart, bills, reversedPaymentIds, clockDate,
                lastSequence);
    }

    /** Adds the bill, or keeps the one already known (a bill is issued once per month). */
    public AccountFacts billIssued(BillFact bill) {
        if (bill(bill.billId()).isPresent()) {
            return this;
        }
        List<BillFact> next = new ArrayList<>(bills);
        next.add(bill);
        return withBills(next);
    }

    /** What a bill still owes after a payment, credit or reversal; a bill never issued to us is ignored. */
    public AccountFacts billOpen(String billId, long openCents) {
        return withBills(bills.stream().map(bill -> bill.billId().equals(billId) ? bill.withOpen(openCents) : bill)
                .toList());
    }

    /** Billing's decision that a bill was missed, with its due date (after any extension) and open amount. */
    public AccountFacts missed(String billId, YearMonth coverageMonth, LocalDate dueDate, long openCents) {
        long amountDueCents = bill(billId).map(BillFact::amountDueCents).orElse(openCents);
        BillFact missedBill = new BillFact(billId, coverageMonth, dueDate, amountDueCents, openCents, true);
        List<BillFact> next = new ArrayList<>(bills.stream().filter(bill -> !bill.billId().equals(billId)).toList());
        next.add(missedBill);
        return withBills(next);
    }

    public AccountFacts reversed(String paymentId) {
        Set<String> next = new LinkedHashSet<>(reversedPaymentIds);
        next.add(paymentId);
        return new AccountFacts(accountId, program, coverageStart, bills, next, clockDate, lastSequence);
    }

    /** Moves the account's clock forward (never back: a late, back-dated payment does not rewind it). */
    public AccountFacts at(LocalDate date) {
        LocalDate next = date == null || clockDate != null && !date.isAfter(clockDate) ? clockDate : date;
        return new AccountFacts(accountId, program, coverageStart, bills, reversedPaymentIds, next, lastSequence);
    }

    public AccountFacts applied(long sequence) {
        return new AccountFacts(accountId, program, coverageStart, bills, reversedPaymentIds, clockDate, sequence);
    }

    public Optional<BillFact> bill(String billId) {
        return bills.stream().filter(bill -> bill.billId().equals(billId)).findFirst();
    }

    /** The bill for the coverage start month: it must be paid before coverage takes effect. */
    public Optional<BillFact> binder() {
        YearMonth startMonth = YearMonth.from(coverageStart);
        return bills.stream().filter(bill -> bill.coverageMonth().equals(startMonth)).findFirst();
    }

    public long pastDueOpenCents(LocalDate asOf) {
        return bills.stream().filter(bill -> bill.pastDue(asOf)).mapToLong(BillFact::openCents).sum();
    }

    /** The earliest bill billing recorded as missed that still has money open: it anchors a new grace period. */
    public Optional<BillFact> earliestMissedOpen() {
        return bills.stream().filter(bill -> bill.missed() && bill.openCents() > 0)
                .min(Comparator.comparing(BillFact::dueDate).thenComparing(BillFact::coverageMonth));
    }

    /**
     * Last day of the last fully paid coverage month, counting month by month from the coverage start and
     * stopping at the first month that is unpaid or not billed; null when the first month is not paid.
     */
    public LocalDate paidThroughDate() {
        Map<YearMonth, BillFact> byMonth = bills.stream()
                .collect(Collectors.toMap(BillFact::coverageMonth, Function.identity(), (first, second) -> first));
        LocalDate paidThrough = null;
        for (YearMonth month = YearMonth.from(coverageStart); byMonth.containsKey(month); month = month.plusMonths(1)) {
            if (byMonth.get(month).openCents() > 0) {
                break;
            }
            paidThrough = month.atEndOfMonth();
        }
        return paidThrough;
    }

    private AccountFacts withBills(List<BillFact> next) {
        return new AccountFacts(accountId, program, coverageStart, next, reversedPaymentIds, clockDate, lastSequence);
    }
}
