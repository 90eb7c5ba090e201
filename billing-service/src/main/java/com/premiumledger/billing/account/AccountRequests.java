package com.premiumledger.billing.account;

import com.premiumledger.events.MailingAddress;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.time.YearMonth;

/** Request and response bodies of the account endpoints. */
final class AccountRequests {

    private AccountRequests() {
    }

    /**
     * {@code accountId} is optional: without it the service generates one. The contact details and the notice
     * preference are optional; a preference needs its contact (EMAIL an email, SMS a phone, MAIL an address).
     */
    record OpenAccountRequest(
            @Pattern(regexp = AccountRules.ACCOUNT_ID_REGEX) String accountId,
            @NotBlank String holderName,
            @NotBlank String program,
            @NotNull LocalDate coverageStart,
            String language,
            @Email String email,
            @Schema(description = "mobile phone for SMS notices, E.164", example = "+16175550123")
            @Pattern(regexp = ContactRules.PHONE_REGEX, message = "must be E.164, e.g. +16175550123") String phone,
            @Valid AddressRequest mailingAddress,
            @Schema(description = "how the member wants notices", allowableValues = {"EMAIL", "SMS", "MAIL"})
            @Pattern(regexp = "^(EMAIL|SMS|MAIL)$", message = "must be EMAIL, SMS or MAIL") String noticePreference) {

        @AssertTrue(message = "noticePreference EMAIL needs an email, SMS a phone, MAIL a mailingAddress")
        @Schema(hidden = true)
        boolean isPreferenceReachable() {
            return noticePreference == null || switch (noticePreference) {
                case "EMAIL" -> email != null;
                case "SMS" -> phone != null;
                case "MAIL" -> mailingAddress != null;
                default -> true;
            };
        }

        MailingAddress address() {
            return mailingAddress == null ? null : mailingAddress.toAddress();
        }
    }

    /** A US postal address. */
    record AddressRequest(
            @NotBlank @Size(max = ContactRules.ADDRESS_LINE_LENGTH_MAX) String line1,
            @Size(min = 1, max = ContactRules.ADDRESS_LINE_LENGTH_MAX) String line2,
            @NotBlank @Size(max = ContactRules.ADDRESS_LINE_LENGTH_MAX) String city,
            @Schema(example = "MA") @NotNull @Pattern(regexp = ContactRules.STATE_REGEX,
                    message = "must be a two-letter US state code") String state,
            @Schema(example = "02108") @NotNull @Pattern(regexp = ContactRules.POSTAL_CODE_REGEX,
                    message = "must be a ZIP code: 12345 or 12345-6789") String postalCode) {

        MailingAddress toAddress() {
            return new MailingAddress(line1, line2, city, state, postalCode);
        }
    }

    record AccountResponse(String accountId, String holderName, String program, LocalDate coverageStart,
                           String language, String email, String phone, MailingAddress mailingAddress,
                           String noticePreference) {
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
