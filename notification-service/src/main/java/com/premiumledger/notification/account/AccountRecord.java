package com.premiumledger.notification.account;

import com.premiumledger.events.BillIssued;
import com.premiumledger.notification.account.AccountState.Autopay;
import com.premiumledger.notification.account.AccountState.BillFact;
import com.premiumledger.notification.account.AccountState.CoverageFact;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * One account's notice state as stored: the side folded from its billing stream and the side folded from its
 * coverage stream, each up to the sequence of the last event it applied ({@code -1}: none yet). The two streams
 * are consumed by different handlers in no order relative to each other, so each side is its own document with
 * its own writer and guard, and neither can undo the other.
 */
public record AccountRecord(String accountId, BillingSide billing, CoverageSide coverage) {

    /** What billing's events say: the program the account was opened with, its bills, its autopay. */
    public record BillingSide(String program, List<BillFact> bills, Autopay autopay, long lastSequence) {

        public static final BillingSide NONE = new BillingSide(null, List.of(), Autopay.NONE, -1);

        public BillingSide {
            bills = List.copyOf(bills);
        }

        public BillingSide opened(String openedProgram) {
            return new BillingSide(openedProgram, bills, autopay, lastSequence);
        }

        /**
         * Adds (or states again) a bill, open in full. At {@code billsMax} bills the oldest with nothing open
         * makes room, so the document stays bounded; with none paid that is a clear error.
         */
        public BillingSide billIssued(BillIssued bill, int billsMax) {
            List<BillFact> kept = new ArrayList<>(bills);
            kept.removeIf(known -> known.billId().equals(bill.billId()));
            if (kept.size() >= billsMax) {
                BillFact oldestPaid = kept.stream().filter(known -> known.openCents() == 0).findFirst()
                        .orElseThrow(() -> new IllegalStateException("account has " + billsMax + " open bills, the"
                                + " most premium.notification.bills-per-account-max allows"));
                kept.remove(oldestPaid);
            }
            kept.add(new BillFact(bill.billId(), bill.coverageMonth(), bill.dueDate(), bill.amountDueCents(),
                    bill.amountDueCents()));
            kept.sort(Comparator.comparing(BillFact::dueDate, Comparator.nullsLast(Comparator.naturalOrder())));
            return new BillingSide(program, kept, autopay, lastSequence);
        }

        /** What a bill still owes after the event that moved money on it; a bill not kept here is ignored. */
        public BillingSide billOpen(String billId, long openAfterCents) {
            List<BillFact> changed = bills.stream().map(bill -> !bill.billId().equals(billId) ? bill
                    : new BillFact(bill.billId(), bill.coverageMonth(), bill.dueDate(), bill.amountDueCents(),
                            openAfterCents)).toList();
            return new BillingSide(program, changed, autopay, lastSequence);
        }

        public BillingSide autopay(Autopay changed) {
            return new BillingSide(program, bills, changed, lastSequence);
        }

        public BillingSide at(long sequence) {
            return new BillingSide(program, bills, autopay, sequence);
        }
    }

    /** What coverage's events say: the last status change, and the program it named. */
    public record CoverageSide(String program, CoverageFact coverage, long lastSequence) {

        public static final CoverageSide NONE = new CoverageSide(null, null, -1);
    }

    public static AccountRecord empty(String accountId) {
        return new AccountRecord(accountId, BillingSide.NONE, CoverageSide.NONE);
    }

    public AccountRecord withBilling(BillingSide changed) {
        return new AccountRecord(accountId, changed, coverage);
    }

    public AccountRecord withCoverage(CoverageSide changed) {
        return new AccountRecord(accountId, billing, changed);
    }

    /** What the rules read; the program as coverage last named it, else as the account was opened. */
    public AccountState state() {
        return new AccountState(accountId, coverage.program() != null ? coverage.program() : billing.program(),
                billing.bills(), billing.autopay(), coverage.coverage());
    }
}
