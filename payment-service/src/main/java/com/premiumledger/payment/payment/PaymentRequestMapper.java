package com.premiumledger.payment.payment;

import com.premiumledger.payment.PaymentProperties;
import com.premiumledger.payment.payment.PaymentRequests.RecordPaymentRequest;
import com.premiumledger.platform.web.RuleViolation;
import java.time.LocalDate;
import java.util.stream.Stream;

/**
 * Turns a request into the command it asks for, applying what only the HTTP layer knows: the business date
 * (for the default and the window of received dates) and which request field carries which detail.
 */
final class PaymentRequestMapper {

    private PaymentRequestMapper() {
    }

    /** The command without its payment id, which is chosen only once the Idempotency-Key is claimed. */
    static RecordPaymentCommand toCommand(RecordPaymentRequest request, String idempotencyKey, String recordedBy,
                                          LocalDate businessDate, PaymentProperties properties) {
        checkNoFullNumbers(request);
        LocalDate receivedDate = request.receivedDate() != null ? request.receivedDate() : businessDate;
        checkReceivedDate(receivedDate, businessDate, properties);
        PaymentMethod method = PaymentRules.acceptedMethod(request.method(), properties);
        RecordPaymentCommand command = new RecordPaymentCommand(null, request.accountId(), request.amountCents(),
                request.method(), request.channel(), receivedDate,
                request.card() == null ? null : request.card().brand(), lastFour(method, request),
                reference(method, request), idempotencyKey, recordedBy, false);
        checkNoStrayDetails(method, request);
        PaymentRules.check(command, properties);
        return command;
    }

    private static void checkNoFullNumbers(RecordPaymentRequest request) {
        Stream<String> fields = Stream.of(request.accountId(), request.method(), request.channel(),
                request.card() == null ? null : request.card().brand(),
                request.card() == null ? null : request.card().lastFour(),
                request.bankAccountLastFour(), request.checkNumber(), request.moneyOrderNumber());
        if (fields.anyMatch(CardNumberDetector::looksLikeFullNumber)) {
            throw PaymentRules.fullNumberRejected();
        }
    }

    private static void checkReceivedDate(LocalDate receivedDate, LocalDate businessDate,
                                          PaymentProperties properties) {
        if (receivedDate.isAfter(businessDate)) {
            throw RuleViolation.invalid("received-date-in-future", "receivedDate " + receivedDate
                    + " is after the business date " + businessDate);
        }
        if (receivedDate.isBefore(businessDate.minusDays(properties.receivedDateDaysBackMax()))) {
            throw RuleViolation.invalid("received-date-too-old", "receivedDate may be at most "
                    + properties.receivedDateDaysBackMax() + " days before the business date " + businessDate);
        }
    }

    private static String lastFour(PaymentMethod method, RecordPaymentRequest request) {
        return switch (method) {
            case CARD -> request.card() == null ? null : request.card().lastFour();
            case ACH -> request.bankAccountLastFour();
            case CHECK, MONEY_ORDER -> null;
        };
    }

    private static String reference(PaymentMethod method, RecordPaymentRequest request) {
        return switch (method) {
            case CHECK -> request.checkNumber();
            case MONEY_ORDER -> request.moneyOrderNumber();
            case CARD, ACH -> null;
        };
    }

    /** Details of another method would be dropped silently; a ledger refuses what it would not keep. */
    private static void checkNoStrayDetails(PaymentMethod method, RecordPaymentRequest request) {
        boolean stray = (request.card() != null && method != PaymentMethod.CARD)
                || (request.bankAccountLastFour() != null && method != PaymentMethod.ACH)
                || (request.checkNumber() != null && method != PaymentMethod.CHECK)
                || (request.moneyOrderNumber() != null && method != PaymentMethod.MONEY_ORDER);
        if (stray) {
            throw RuleViolation.invalid("payment-details-mismatch", "give only the details of the " + method
                    + " method");
        }
    }
}
