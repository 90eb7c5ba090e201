package com.premiumledger.notification.account;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * What notices need to know about one account, folded from billing and coverage events: its bills with what
 * is still open on each, whether it pays by autopay, and where its coverage stands.
 */
public record AccountState(String accountId, String program, List<BillFact> bills, Autopay autopay,
                           CoverageFact coverage) {

    public AccountState {
        bills = List.copyOf(bills);
    }

    /** One bill and what is still open on it. */
    public record BillFact(String billId, String coverageMonth, LocalDate dueDate, long amountDueCents,
                           long openCents) {
    }

    /** The autopay enrollment; {@code enrolled} false when there is none. */
    public record Autopay(boolean enrolled, String method, String lastFour) {

        public static final Autopay NONE = new Autopay(false, null, null);
    }

    /** The last coverage status change seen; null fields where the change carried none. */
    public record CoverageFact(String status, LocalDate effectiveDate, LocalDate graceStart, LocalDate graceEnd,
                               LocalDate terminationEffectiveDate) {

        public boolean inGrace() {
            return ("GRACE".equals(status) || "SUSPENDED".equals(status)) && graceStart != null && graceEnd != null;
        }
    }

    public static AccountState empty(String accountId) {
        return new AccountState(accountId, null, List.of(), Autopay.NONE, null);
    }

    public Optional<BillFact> bill(String billId) {
        return bills.stream().filter(bill -> bill.billId().equals(billId)).findFirst();
    }

    public long openCents() {
        return bills.stream().mapToLong(BillFact::openCents).sum();
    }

    /** Open on bills due before {@code businessDate}: what closing that day finds past due. */
    public long pastDueCents(LocalDate businessDate) {
        return bills.stream().filter(bill -> bill.dueDate() != null && bill.dueDate().isBefore(businessDate))
                .mapToLong(BillFact::openCents).sum();
    }

    /** The earliest due date among bills with money open. */
    public Optional<LocalDate> earliestOpenDueDate() {
        return bills.stream().filter(bill -> bill.openCents() > 0 && bill.dueDate() != null)
                .map(BillFact::dueDate).min(Comparator.naturalOrder());
    }
}
