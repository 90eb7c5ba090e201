package com.premiumledger.billing.account;

import com.premiumledger.events.BillAllocation;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;

/** How a payment splits over open bills: oldest first, and what no bill needs becomes credit. Pure. */
public final class PaymentAllocation {

    /** A bill as the allocation sees it. */
    public record OpenBill(String billId, String coverageMonth, LocalDate dueDate, long openCents) {
    }

    public record Result(List<BillAllocation> allocations, long creditCents, long accountOpenAfterCents) {
    }

    /** Oldest first: by due date, then by coverage month (two bills can share a due date). */
    static final Comparator<OpenBill> OLDEST_FIRST = Comparator.comparing(OpenBill::dueDate)
            .thenComparing(OpenBill::coverageMonth);

    private PaymentAllocation() {
    }

    public static Result allocate(Collection<OpenBill> bills, long amountCents) {
        if (amountCents <= 0) {
            throw new IllegalArgumentException("a payment is positive, got " + amountCents + " cents");
        }
        List<OpenBill> oldestFirst = bills.stream().filter(bill -> bill.openCents() > 0).sorted(OLDEST_FIRST).toList();
        List<BillAllocation> allocations = new ArrayList<>();
        long remainingCents = amountCents;
        long accountOpenAfterCents = 0;
        for (OpenBill bill : oldestFirst) {
            long takenCents = Math.min(remainingCents, bill.openCents());
            long openAfterCents = bill.openCents() - takenCents;
            if (takenCents > 0) {
                allocations.add(new BillAllocation(bill.billId(), takenCents, openAfterCents));
                remainingCents -= takenCents;
            }
            accountOpenAfterCents += openAfterCents;
        }
        Result result = new Result(allocations, remainingCents, accountOpenAfterCents);
        assertBalanced(result, amountCents);
        return result;
    }

    private static void assertBalanced(Result result, long amountCents) {
        long allocatedCents = result.allocations().stream().mapToLong(BillAllocation::amountCents).sum();
        if (allocatedCents + result.creditCents() != amountCents || result.creditCents() < 0) {
            throw new IllegalStateException("allocation of " + amountCents + " cents does not balance: "
                    + allocatedCents + " allocated + " + result.creditCents() + " credit");
        }
    }
}
