package com.premiumledger.payment.payment;

import com.premiumledger.platform.command.LedgerCommands;
import com.premiumledger.payment.PaymentProperties;
import com.premiumledger.payment.billing.BusinessCalendar;
import com.premiumledger.payment.billing.KnownAccounts;
import com.premiumledger.payment.payment.PaymentRequests.PaymentResponse;
import com.premiumledger.payment.payment.PaymentRequests.RecordPaymentRequest;
import com.premiumledger.platform.idempotency.IdempotentRequests;
import com.premiumledger.platform.idempotency.IdempotentRequests.Operation;
import com.premiumledger.platform.idempotency.IdempotentRequests.Outcome;
import com.premiumledger.platform.idempotency.RequestHash;
import com.premiumledger.platform.web.ApiProblem;
import com.premiumledger.platform.web.RuleViolation;
import java.util.UUID;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * Records a payment at most once per Idempotency-Key and once per check or money order number. A payment for
 * an account nobody opened is refused, unless it came on a channel whose cash cannot be sent back with a 404
 * (a mailed check): that one goes to the unapplied queue.
 */
@Component
class PaymentIntake {

    /**
     * Its keys are stored under the key alone (premium.idempotency.bare-key-scopes), as they were before other
     * endpoints took keys.
     */
    static final String PAYMENTS_SCOPE = "payments";

    private final IdempotentRequests requests;
    private final PaymentReferences references;
    private final KnownAccounts accounts;
    private final BusinessCalendar calendar;
    private final LedgerCommands commands;
    private final PaymentProperties properties;

    PaymentIntake(IdempotentRequests requests, PaymentReferences references, KnownAccounts accounts,
                  BusinessCalendar calendar, LedgerCommands commands, PaymentProperties properties) {
        this.requests = requests;
        this.references = references;
        this.accounts = accounts;
        this.calendar = calendar;
        this.commands = commands;
        this.properties = properties;
    }

    Outcome<PaymentResponse> record(String idempotencyKey, RecordPaymentRequest request, String caller) {
        return requests.run(idempotencyKey, RequestHash.of(request, caller, null), new Operation<>(
                PAYMENTS_SCOPE, HttpStatus.CREATED.value(), RecordPaymentCommand.class, PaymentResponse.class,
                () -> prepare(request, idempotencyKey, caller).withPaymentId(UUID.randomUUID().toString()),
                (command, retry) -> execute(command), PaymentActions.PAYMENT_NOT_FOUND));
    }

    /** Validates everything before the key is claimed, so a refused request writes nothing. */
    private RecordPaymentCommand prepare(RecordPaymentRequest request, String idempotencyKey, String caller) {
        RecordPaymentCommand command = PaymentRequestMapper.toCommand(request, idempotencyKey, caller,
                calendar.today(), properties);
        if (accounts.exists(command.accountId())) {
            return command;
        }
        boolean queued = PaymentRules.parse(PaymentChannel.class, command.channel())
                .filter(properties.unappliedChannels()::contains).isPresent();
        if (!queued) {
            throw ApiProblem.notFound("account-not-found", "no such account " + command.accountId());
        }
        return command.asUnapplied();
    }

    private PaymentResponse execute(RecordPaymentCommand command) {
        references.reserve(command);
        try {
            commands.send(command, command.recordedBy());
        } catch (AggregateStreamCreationException e) {
            // An earlier attempt with this key recorded the payment and died before completing the key.
        } catch (RuleViolation e) {
            references.release(command);
            throw e;
        }
        return PaymentResponse.of(command);
    }
}
