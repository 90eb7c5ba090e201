package com.premiumledger.events;

/** The part of a payment that went to one bill, and what that bill still owes afterwards. */
public record BillAllocation(String billId, long amountCents, long billOpenAfterCents) {
}
