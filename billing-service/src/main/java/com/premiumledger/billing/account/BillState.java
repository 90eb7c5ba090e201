package com.premiumledger.billing.account;

import java.time.LocalDate;

/** One bill inside the account aggregate. */
record BillState(String billId, String coverageMonth, LocalDate dueDate, long grossPremiumCents, long subsidyCents,
                 long amountDueCents, long paidCents, boolean missed) {

    long openCents() {
        return amountDueCents - paidCents;
    }

    BillState paid(long amountCents) {
        return new BillState(billId, coverageMonth, dueDate, grossPremiumCents, subsidyCents, amountDueCents,
                paidCents + amountCents, missed);
    }

    BillState markedMissed() {
        return new BillState(billId, coverageMonth, dueDate, grossPremiumCents, subsidyCents, amountDueCents,
                paidCents, true);
    }

    PaymentAllocation.OpenBill asOpenBill() {
        return new PaymentAllocation.OpenBill(billId, coverageMonth, dueDate, openCents());
    }
}
