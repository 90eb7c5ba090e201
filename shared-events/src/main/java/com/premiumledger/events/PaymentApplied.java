package com.premiumledger.events;

import java.time.LocalDate;
import java.util.List;

/**
 * A recorded payment was applied to an account, oldest open bill first. Whatever no bill needed became
 * credit ({@code creditCents}). {@code accountOpenAfterCents} is the total still owed on all bills after
 * this payment, so consumers need not re-derive it.
 */
public record PaymentApplied(
        String accountId,
        String paymentId,
        long amountCents,
        LocalDate receivedDate,
        List<BillAllocation> allocations,
        long creditCents,
        long accountOpenAfterCents) implements LedgerEvent {

    public PaymentApplied {
        allocations = List.copyOf(allocations);
    }

    @Override
    public String streamKey() {
        return accountId;
    }
}
