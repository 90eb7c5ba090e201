package com.premiumledger.payment.payment;

import com.premiumledger.payment.PaymentProperties;
import com.premiumledger.platform.web.RuleViolation;
import java.util.Arrays;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The rules a payment command must meet, checked twice: by the HTTP layer before anything is written, and by
 * the aggregate before it records the payment. Pure, so both checks are the same code.
 */
final class PaymentRules {

    private static final Pattern LAST_FOUR = Pattern.compile("\\d{4}");
    private static final Pattern REFERENCE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9 -]*");
    private static final Pattern ACCOUNT_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.:-]*");

    private PaymentRules() {
    }

    static void check(RecordPaymentCommand command, PaymentProperties properties) {
        checkNoFullNumbers(command);
        checkAccountId(command.accountId(), properties);
        if (command.amountCents() < 1 || command.amountCents() > properties.amountMaxCents()) {
            throw RuleViolation.invalid("amount-out-of-range", "amountCents must be between 1 and "
                    + properties.amountMaxCents());
        }
        if (command.receivedDate() == null) {
            throw RuleViolation.invalid("received-date-required", "a payment needs the date it was received");
        }
        PaymentMethod method = acceptedMethod(command.method(), properties);
        parse(PaymentChannel.class, command.channel()).orElseThrow(() -> RuleViolation.invalid("unknown-channel",
                "channel must be one of " + Arrays.toString(PaymentChannel.values())));
        checkDetails(method, command, properties);
    }

    static PaymentMethod acceptedMethod(String name, PaymentProperties properties) {
        return parse(PaymentMethod.class, name).filter(properties.acceptedMethods()::contains)
                .orElseThrow(() -> RuleViolation.invalid("payment-method-not-accepted",
                        "this exchange accepts " + properties.acceptedMethods().stream().sorted().toList()));
    }

    /** A value that looks like a full card or account number is refused without ever being repeated. */
    static void checkNoFullNumbers(RecordPaymentCommand command) {
        boolean found = Stream.of(command.paymentId(), command.accountId(), command.method(), command.channel(),
                        command.cardBrand(), command.lastFour(), command.reference(), command.idempotencyKey(),
                        command.recordedBy())
                .anyMatch(CardNumberDetector::looksLikeFullNumber);
        if (found) {
            throw fullNumberRejected();
        }
    }

    static RuleViolation fullNumberRejected() {
        return RuleViolation.invalid("full-card-number-rejected", "a field holds what looks like a full card or"
                + " bank account number; send only the last four digits");
    }

    static void checkAccountId(String accountId, PaymentProperties properties) {
        if (accountId == null || accountId.length() > properties.accountIdLengthMax()
                || !ACCOUNT_ID.matcher(accountId).matches()) {
            throw RuleViolation.invalid("invalid-account-id", "accountId must be 1 to "
                    + properties.accountIdLengthMax() + " letters, digits or _.:-");
        }
    }

    private static void checkDetails(PaymentMethod method, RecordPaymentCommand command,
                                     PaymentProperties properties) {
        switch (method) {
            case CARD -> checkCard(command, properties);
            case ACH -> checkLastFour(command.lastFour(), "bankAccountLastFour");
            case CHECK, MONEY_ORDER -> checkReference(method, command.reference(), properties);
        }
        boolean cardOnly = command.cardBrand() != null && method != PaymentMethod.CARD;
        boolean lastFourOnly = command.lastFour() != null && method != PaymentMethod.CARD && method != PaymentMethod.ACH;
        boolean referenceOnly = command.reference() != null
                && method != PaymentMethod.CHECK && method != PaymentMethod.MONEY_ORDER;
        if (cardOnly || lastFourOnly || referenceOnly) {
            throw RuleViolation.invalid("payment-details-mismatch", "give only the details of the " + method
                    + " method");
        }
    }

    private static void checkCard(RecordPaymentCommand command, PaymentProperties properties) {
        parse(CardBrand.class, command.cardBrand()).filter(properties.acceptedCardBrands()::contains)
                .orElseThrow(() -> RuleViolation.invalid("card-brand-not-accepted", "card.brand must be one of "
                        + properties.acceptedCardBrands().stream().sorted().toList()));
        checkLastFour(command.lastFour(), "card.lastFour");
    }

    private static void checkLastFour(String lastFour, String field) {
        if (lastFour == null || !LAST_FOUR.matcher(lastFour).matches()) {
            throw RuleViolation.invalid("invalid-last-four", field + " must be exactly 4 digits");
        }
    }

    private static void checkReference(PaymentMethod method, String reference, PaymentProperties properties) {
        String field = method == PaymentMethod.CHECK ? "checkNumber" : "moneyOrderNumber";
        if (reference == null || reference.isBlank()) {
            throw RuleViolation.invalid("reference-required", "a " + method + " payment needs " + field);
        }
        if (reference.length() > properties.referenceLengthMax() || !REFERENCE.matcher(reference).matches()) {
            throw RuleViolation.invalid("invalid-reference", field + " must be 1 to "
                    + properties.referenceLengthMax() + " letters, digits, spaces or dashes");
        }
    }

    static <E extends Enum<E>> Optional<E> parse(Class<E> type, String name) {
        if (name == null) {
            return Optional.empty();
        }
        return Arrays.stream(type.getEnumConstants()).filter(constant -> constant.name().equals(name)).findFirst();
    }
}
