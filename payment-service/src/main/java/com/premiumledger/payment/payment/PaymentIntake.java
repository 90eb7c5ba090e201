package com.premiumledger.payment.payment;

import com.premiumledger.payment.PaymentProperties;
import com.premiumledger.payment.billing.BusinessCalendar;
import com.premiumledger.payment.billing.KnownAccounts;
import com.premiumledger.payment.payment.PaymentRequests.PaymentResponse;
import com.premiumledger.payment.payment.PaymentRequests.RecordPaymentRequest;
import com.premiumledger.platform.web.ApiProblem;
import com.premiumledger.platform.web.RuleViolation;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * Records a payment at most once per Idempotency-Key (Stripe's scheme): the first request claims the key with
 * a new payment id before sending the command; a retry with the same body gets the stored answer, or, if the
 * first attempt died midway, re-sends the very same command, which the event store accepts at most once.
 */
@Component
class PaymentIntake {

    /** The answer, and whether it is a replay of an earlier one. */
    record Outcome(int status, PaymentResponse response, boolean replayed) {
    }

    private final IdempotencyKeys keys;
    private final KnownAccounts accounts;
    private final BusinessCalendar calendar;
    private final CommandGateway commandGateway;
    private final PaymentProperties properties;
    private final Clock clock;

    PaymentIntake(IdempotencyKeys keys, KnownAccounts accounts, BusinessCalendar calendar,
                  CommandGateway commandGateway, PaymentProperties properties, Clock clock) {
        this.keys = keys;
        this.accounts = accounts;
        this.calendar = calendar;
        this.commandGateway = commandGateway;
        this.properties = properties;
        this.clock = clock;
    }

    Outcome record(String idempotencyKey, RecordPaymentRequest request, String caller) {
        String requestHash = RequestHash.of(request, caller);
        for (int attempt = 0; attempt < properties.idempotencyKeyAttemptsMax(); attempt++) {
            Instant now = clock.instant();
            Optional<IdempotencyRecord> existing = keys.find(idempotencyKey);
            if (existing.isPresent() && !existing.get().expiredAt(now)) {
                return replay(existing.get(), requestHash);
            }
            RecordPaymentCommand command = prepare(request, idempotencyKey, caller)
                    .withPaymentId(UUID.randomUUID().toString());
            IdempotencyRecord claim = IdempotencyRecord.start(idempotencyKey, requestHash, command, now,
                    now.plus(properties.idempotencyRetention()));
            boolean claimed = existing.isPresent() ? keys.replaceExpired(claim, existing.get()) : keys.tryInsert(claim);
            if (claimed) {
                return new Outcome(HttpStatus.CREATED.value(), execute(claim), false);
            }
            // Another request claimed the key between our read and our write: answer as its retry would be.
        }
        throw ApiProblem.conflict("idempotency-key-busy", "requests with this Idempotency-Key keep racing; retry");
    }

    /** Validates everything before the key is claimed, so a refused request writes nothing. */
    private RecordPaymentCommand prepare(RecordPaymentRequest request, String idempotencyKey, String caller) {
        RecordPaymentCommand command = PaymentRequestMapper.toCommand(request, idempotencyKey, caller,
                calendar.today(), properties);
        if (!accounts.exists(command.accountId())) {
            throw ApiProblem.notFound("account-not-found", "no such account " + command.accountId());
        }
        return command;
    }

    private Outcome replay(IdempotencyRecord existing, String requestHash) {
        if (!existing.requestHash().equals(requestHash)) {
            throw ApiProblem.conflict("idempotency-key-reuse", "this Idempotency-Key was used for a different"
                    + " request; use a new key for a new payment");
        }
        if (existing.state() == IdempotencyRecord.State.COMPLETED) {
            return new Outcome(existing.responseStatus(),
                    IdempotencyKeys.readJson(existing.responseBody(), PaymentResponse.class), true);
        }
        return new Outcome(HttpStatus.CREATED.value(), execute(existing), true);
    }

    private PaymentResponse execute(IdempotencyRecord claim) {
        RecordPaymentCommand command = claim.command();
        try {
            commandGateway.sendAndWait(GenericCommandMessage.asCommandMessage(command)
                            .andMetaData(Map.of("issuedBy", command.recordedBy())),
                    properties.commandTimeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (AggregateStreamCreationException e) {
            // An earlier attempt with this key recorded the payment and died before completing the key.
        } catch (RuleViolation e) {
            keys.release(claim);
            throw e;
        } catch (CommandExecutionException e) {
            handleFailure(claim, e);
        }
        PaymentResponse response = PaymentResponse.of(command);
        keys.complete(claim, HttpStatus.CREATED.value(), IdempotencyKeys.writeJson(response));
        return response;
    }

    /** Returns only when the failure says the payment was already recorded; a refusal frees the key. */
    private void handleFailure(IdempotencyRecord claim, CommandExecutionException e) {
        if (e.getCause() instanceof AggregateStreamCreationException) {
            return;
        }
        if (e.getCause() instanceof RuleViolation) {
            keys.release(claim);
        }
        // Anything else leaves the key IN_PROGRESS: a retry re-sends the same command.
        throw e;
    }
}
