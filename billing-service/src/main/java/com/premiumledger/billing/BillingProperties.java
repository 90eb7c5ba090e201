package com.premiumledger.billing;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Every billing rule and limit.
 *
 * @param programs the enrollment programs an account may have
 * @param languages the languages notices can be written in
 * @param dueDayOfMonth default due day, in the month before the coverage month (at most 28 so that every
 *     month has it)
 * @param grossPremiumMaxCents the largest monthly gross premium a bill may carry
 * @param daysPerCloseMax days one close may cover (closing far ahead by mistake must not emit years of days)
 * @param dueScanDaysMax due dates one DayClosed may scan for missed payments
 * @param dueScanBatchDays days of the due index fetched per query (each day is up to 33 documents)
 * @param billsPerAccountMax bills one account may hold (bounds the aggregate and its view documents)
 * @param holderNameLengthMax characters of a holder name
 * @param accountIdAttemptsMax generated account ids tried before giving up on collisions
 * @param ledgerPageSizeDefault ledger lines returned when the request names no limit
 * @param ledgerPageSizeMax ledger lines one request may ask for
 * @param queryDateMin earliest date an as-of or ledger range query may name
 * @param queryDateMax latest date an as-of or ledger range query may name
 * @param trialBalanceStreamsMax posting streams one trial balance may read (it reads them all)
 * @param trialBalanceHealthInterval how long the health check reuses its last trial balance (health is
 *     probed often and unauthenticated; the trial balance reads every stream)
 * @param idempotencyKeyRequired whether POST /accounts/{id}/bills refuses a request without an Idempotency-Key
 *     (400). Off by default: the bill's natural key (one per account and month) already makes a retry safe, and
 *     callers that send no key (the benchmark, other deployments' schedulers) keep working; a key, when sent, is
 *     always honoured (premium.idempotency.*)
 */
@Validated
@ConfigurationProperties("premium.billing")
public record BillingProperties(
        @NotEmpty @DefaultValue({"APTC", "UNSUBSIDIZED"}) Set<String> programs,
        @NotEmpty @DefaultValue({"en", "es"}) Set<String> languages,
        @Min(1) @Max(28) @DefaultValue("23") int dueDayOfMonth,
        @Min(1) @DefaultValue("1000000") long grossPremiumMaxCents,
        @Min(1) @DefaultValue("366") int daysPerCloseMax,
        @Min(1) @DefaultValue("3660") int dueScanDaysMax,
        @Min(1) @Max(1000) @DefaultValue("366") int dueScanBatchDays,
        @Min(1) @DefaultValue("600") int billsPerAccountMax,
        @Min(1) @DefaultValue("200") int holderNameLengthMax,
        @Min(1) @DefaultValue("3") int accountIdAttemptsMax,
        @Min(1) @DefaultValue("100") int ledgerPageSizeDefault,
        @Min(1) @DefaultValue("500") int ledgerPageSizeMax,
        @NotNull @DefaultValue("2000-01-01") LocalDate queryDateMin,
        @NotNull @DefaultValue("2199-12-31") LocalDate queryDateMax,
        @Min(1) @DefaultValue("1000000") int trialBalanceStreamsMax,
        @NotNull @DefaultValue("30s") Duration trialBalanceHealthInterval,
        @DefaultValue("false") boolean idempotencyKeyRequired) {

    /** Defaults, for tests and tools that build the rules without Spring. */
    public static BillingProperties defaults() {
        return new BillingProperties(Set.of("APTC", "UNSUBSIDIZED"), Set.of("en", "es"), 23, 1_000_000, 366, 3660,
                366, 600, 200, 3, 100, 500, LocalDate.of(2000, 1, 1),
                LocalDate.of(2199, 12, 31),
                1_000_000, Duration.ofSeconds(30), false);
    }
}
