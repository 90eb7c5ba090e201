package com.premiumledger.billing.account;

import java.time.LocalDate;

/** The bill as issued; {@code created} is false when the same bill already existed. */
public record IssueBillResult(
        String billId,
        String accountId,
        String coverageMonth,
        LocalDate dueDate,
        long grossPremiumCents,
        long subsidyCents,
        long amountDueCents,
        boolean created) {
}
