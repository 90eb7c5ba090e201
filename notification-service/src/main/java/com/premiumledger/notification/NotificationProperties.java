package com.premiumledger.notification;

import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Every notification rule and limit.
 *
 * @param dueSoonDays a payment-due-soon notice goes out on the first closed day at most this many days before
 *     a bill's due date (the bill still open, the account not on autopay)
 * @param terminationWarningDays per program, the days before the grace end on which a termination warning is
 *     due (APTC gets two by default); a program not listed gets {@code terminationWarningDaysDefault}
 * @param terminationWarningDaysDefault the warning days of a program not listed in terminationWarningDays
 * @param payWithinDays days a member gets to pay money whose due date already passed (a returned payment, a
 *     failed autopay)
 * @param wakeupBuckets documents one day's wake-up list is split into, so no document grows with the number
 *     of accounts
 * @param wakeupScanDaysMax days one DayClosed looks back for wake-ups (the very first close has no previous day)
 * @param billsPerAccountMax bills the per-account notice state keeps (older paid ones are dropped first)
 * @param memberCacheSize members kept in memory after a lookup (a member never changes once recorded, so a kept
 *     one is never stale); 0 reads the store every time
 * @param pageSizeDefault notices one account history request returns when it names no limit
 * @param pageSizeMax notices one account history request may ask for
 * @param idLengthMax characters of an account or notice id in a request (longer ids cannot exist)
 * @param languages the languages templates exist for; the first is used for an unknown language
 * @param howToPay what every notice tells the member about paying
 * @param delivery delivery retries and the delivery queue
 * @param email the SMTP sender (the server itself is spring.mail.host/port)
 * @param sms the SMS gateway
 */
@Validated
@ConfigurationProperties("premium.notification")
public record NotificationProperties(
        @Min(1) @Max(60) @DefaultValue("7") int dueSoonDays,
        @NotNull @DefaultValue Map<String, List<Integer>> terminationWarningDays,
        @NotEmpty @DefaultValue("10") List<@Min(1) @Max(366) Integer> terminationWarningDaysDefault,
        @Min(1) @Max(366) @DefaultValue("10") int payWithinDays,
        @Min(1) @Max(1024) @DefaultValue("16") int wakeupBuckets,
        @Min(1) @Max(3660) @DefaultValue("366") int wakeupScanDaysMax,
        @Min(1) @DefaultValue("600") int billsPerAccountMax,
        @Min(0) @Max(10_000_000) @DefaultValue("10000") int memberCacheSize,
        @Min(1) @DefaultValue("100") int pageSizeDefault,
        @Min(1) @DefaultValue("500") int pageSizeMax,
        @Min(1) @DefaultValue("200") int idLengthMax,
        @NotEmpty @DefaultValue({"en", "es"}) List<@NotBlank String> languages,
        @Valid @NotNull @DefaultValue HowToPay howToPay,
        @Valid @NotNull @DefaultValue Delivery delivery,
        @Valid @NotNull @DefaultValue EmailSender email,
        @Valid @NotNull @DefaultValue SmsGateway sms) {

    /**
     * How members pay, printed on every notice.
     *
     * @param onlineUrl where to pay online
     * @param phone the payment phone line
     * @param checkPayee whom checks and money orders are made out to
     * @param checkAddressLines where to mail them
     */
    public record HowToPay(
            @NotBlank @DefaultValue("https://pay.premium-ledger.example") String onlineUrl,
            @NotBlank @DefaultValue("1-877-555-0100") String phone,
            @NotBlank @DefaultValue("Premium Ledger Health Connector") String checkPayee,
            @NotEmpty @DefaultValue({"PO Box 1000", "Boston, MA 02100"}) List<@NotBlank String> checkAddressLines) {
    }

    /**
     * @param attemptsMax send attempts per notice before it is FAILED (and falls back to a letter)
     * @param backoffInitial wait before the second attempt; each further wait doubles
     * @param backoffMax the longest wait between attempts
     * @param lease how long a claimed notice is reserved for one instance (longer than one send may take)
     * @param pollInterval how often an idle instance looks for due deliveries
     * @param batchSize deliveries one poll claims at most
     */
    public record Delivery(
            @Min(1) @Max(100) @DefaultValue("6") int attemptsMax,
            @NotNull @DefaultValue("2s") Duration backoffInitial,
            @NotNull @DefaultValue("10m") Duration backoffMax,
            @NotNull @DefaultValue("60s") Duration lease,
            @NotNull @DefaultValue("500ms") Duration pollInterval,
            @Min(1) @Max(1000) @DefaultValue("20") int batchSize) {
    }

    /**
     * @param from the sender address of notice emails
     * @param messageIdDomain the domain part of the stable Message-ID derived from the notice id
     */
    public record EmailSender(
            @NotBlank @Email @DefaultValue("notices@premium-ledger.example") String from,
            @NotBlank @DefaultValue("notices.premium-ledger.example") String messageIdDomain) {
    }

    /**
     * @param gatewayUrl where SMS go: POST of JSON {"to": E.164 number, "body": text}; any 2xx is accepted
     * @param timeout connect and request timeout of one send
     * @param bodyLengthMax characters of one SMS body (longer text is cut, ending with the notice's link)
     */
    public record SmsGateway(
            @NotNull @DefaultValue("http://localhost:8025/sms") URI gatewayUrl,
            @NotNull @DefaultValue("5s") Duration timeout,
            @Min(70) @Max(1600) @DefaultValue("480") int bodyLengthMax) {
    }

    /** Defaults, for tests that build the rules without Spring. */
    public static NotificationProperties defaults() {
        return new NotificationProperties(7, Map.of("APTC", List.of(30, 10), "UNSUBSIDIZED", List.of(10)),
                List.of(10), 10, 16, 366, 600, 10_000, 100, 500, 200, List.of("en", "es"),
                new HowToPay("https://pay.premium-ledger.example", "1-877-555-0100", "Premium Ledger Health Connector",
                        List.of("PO Box 1000", "Boston, MA 02100")),
                new Delivery(6, Duration.ofSeconds(2), Duration.ofMinutes(10), Duration.ofSeconds(60),
                        Duration.ofMillis(500), 20),
                new EmailSender("notices@premium-ledger.example", "notices.premium-ledger.example"),
                new SmsGateway(URI.create("http://localhost:8025/sms"), Duration.ofSeconds(5), 480));
    }

    /** The days before the grace end on which {@code program}'s termination warnings are due, latest warning last. */
    public List<Integer> warningDaysFor(String program) {
        List<Integer> days = program == null ? null : terminationWarningDays.get(program);
        return (days == null || days.isEmpty() ? terminationWarningDaysDefault : days).stream()
                .sorted(java.util.Comparator.reverseOrder()).distinct().toList();
    }

    @AssertTrue(message = "page-size-default must not exceed page-size-max")
    public boolean isPageSizeDefaultWithinMax() {
        return pageSizeDefault <= pageSizeMax;
    }

    @AssertTrue(message = "termination-warning-days must be 1 to 366 days")
    public boolean isTerminationWarningDaysInRange() {
        return terminationWarningDays.values().stream().flatMap(List::stream)
                .allMatch(days -> days != null && days >= 1 && days <= 366);
    }

    @AssertTrue(message = "delivery backoff must be positive, at most backoff-max, and the lease positive")
    public boolean isDeliveryTimingValid() {
        return !delivery.backoffInitial().isNegative() && !delivery.backoffInitial().isZero()
                && delivery.backoffInitial().compareTo(delivery.backoffMax()) <= 0
                && !delivery.lease().isNegative() && !delivery.lease().isZero()
                && !delivery.pollInterval().isNegative() && !delivery.pollInterval().isZero();
    }

    /** The languages templates exist for, as a set. */
    public Set<String> languageSet() {
        return Set.copyOf(languages);
    }
}
