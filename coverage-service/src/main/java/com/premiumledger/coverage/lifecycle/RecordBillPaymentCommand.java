package com.premiumledger.coverage.lifecycle;

import com.premiumledger.events.BillAllocation;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** From PaymentApplied: what a payment paid, and what the account still owes after it. */
public record RecordBillPaymentCommand(
        @TargetAggregateIdentifier String accountId,
        List<BillAllocation> allocations,
        long accountOpenAfterCents,
        LocalDate receivedDate,
        String causeEventId) {

    public RecordBillPaymentCommand {
        allocations = allocations == null ? null : List.copyOf(allocations);
    }

    /** The coverage triggers this payment carries, in the order the table is asked. */
    List<CoverageTrigger> triggers() {
        List<CoverageTrigger> triggers = new ArrayList<>(2);
        if (allocations.stream().anyMatch(allocation -> allocation.billOpenAfterCents() == 0)) {
            triggers.add(CoverageTrigger.BILL_PAID_IN_FULL);
        }
        if (accountOpenAfterCents == 0) {
            triggers.add(CoverageTrigger.ACCOUNT_PAID_IN_FULL);
        }
        return triggers;
    }
}
