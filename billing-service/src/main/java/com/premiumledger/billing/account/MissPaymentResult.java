package com.premiumledger.billing.account;

import java.time.LocalDate;

public record MissPaymentResult(String accountId, String billId, long openCents, LocalDate businessDate) {
}
