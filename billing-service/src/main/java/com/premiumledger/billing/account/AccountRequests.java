package com.premiumledger.billing.account;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import java.time.LocalDate;
import java.time.YearMonth;

/** Request and response bodies of the account endpoints. */
final class AccountRequests {

    private AccountRequests() {
    }

    /** {@code accountId} is optional: without it the service generates one. */
    record OpenAccountRequest(
            @Pattern(regexp = AccountRules.ACCOUNT_ID_REGEX) String accountId,
            @NotBlank String holderName,
            @NotBlank String program,
            @NotNull LocalDate coverageStart,
            String language,
            @Email String email) {
    }

    record AccountResponse(String accountId, String holderName, String program, LocalDate coverageStart,
                           String language, String email) {
    }

    /** {@code dueDate} is optional: the default is the configured day of the month before coverage. */
    record IssueBillRequest(
            @NotNull YearMonth coverageMonth,
            @NotNull @Positive Long grossPremiumCents,
            @NotNull @PositiveOrZero Long subsidyCents,
            LocalDate dueDate) {
    }

    record BillResponse(String billId, String accountId, String coverageMonth, LocalDate dueDate,
                        long grossPremiumCents, long subsidyCents, long amountDueCents) {

        static BillResponse of(IssueBillResult result) {
            return new BillResponse(result.billId(), result.accountId(), result.coverageMonth(), result.dueDate(),
                    result.grossPremiumCents(), result.subsidyCents(), result.amountDueCents());
        }
    }

    /** {@code businessDate} is optional: the default is the current business date. */
    record MissPaymentRequest(LocalDate businessDate) {
    }

    record MissedResponse(String accountId, String billId, boolean missed, long openCents, LocalDate businessDate) {
    }
}
