package com.premiumledger.platform.idempotency;

import com.mongodb.client.MongoDatabase;
import com.premiumledger.platform.web.ApiProblem;
import com.premiumledger.platform.web.RuleViolation;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.function.BiFunction;
import java.util.function.Supplier;
import java.util.function.ToIntFunction;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.modelling.command.AggregateNotFoundException;

/**
 * Runs a money-moving request at most once per Idempotency-Key and endpoint (Stripe's scheme): the first request
 * validates, builds its command with fresh ids and claims the key with it before sending; a retry with the same
 * body gets the stored answer, or, if the first attempt died midway, re-sends the very same command flagged as a
 * retry, which the aggregate accepts at most once. A refused command frees the key: nothing is written. The same
 * key with another body (or caller, or target) is a 409 {@code idempotency-key-reuse}. Keys are kept
 * {@code premium.idempotency.retention} (at least 30 days).
 */
public class IdempotentRequests {

    /** The answer, and whether it is a replay of an earlier one. */
    public record Outcome<R>(int status, R response, boolean replayed) {
    }

    /**
     * One endpoint's request. {@code prepare} checks everything that can be checked before writing and builds the
     * command; {@code execute} sends it ({@code true}: it may have run before) and answers; {@code status} is the
     * HTTP status of that answer. An unknown aggregate is answered 404 {@code notFoundSlug}.
     */
    public record Operation<C, R>(String scope, ToIntFunction<R> status, Class<C> commandType, Class<R> responseType,
                                  Supplier<C> prepare, BiFunction<C, Boolean, R> execute, String notFoundSlug) {

        /** An endpoint that always answers {@code status}. */
        public Operation(String scope, int status, Class<C> commandType, Class<R> responseType, Supplier<C> prepare,
                         BiFunction<C, Boolean, R> execute, String notFoundSlug) {
            this(scope, response -> status, commandType, responseType, prepare, execute, notFoundSlug);
        }
    }

    private final IdempotencyKeys keys;
    private final IdempotencyProperties properties;
    private final Clock clock;

    public IdempotentRequests(MongoDatabase database, IdempotencyProperties properties, Clock clock) {
        this(new IdempotencyKeys(database, properties.bareKeyScopes()), properties, clock);
    }

    IdempotentRequests(IdempotencyKeys keys, IdempotencyProperties properties, Clock clock) {
        this.keys = keys;
        this.properties = properties;
        this.clock = clock;
    }

    public <C, R> Outcome<R> run(String key, String requestHash, Operation<C, R> operation) {
        for (int attempt = 0; attempt < properties.keyAttemptsMax(); attempt++) {
            Instant now = clock.instant();
            Optional<IdempotencyRecord> existing = keys.find(operation.scope(), key);
            if (existing.isPresent() && !existing.get().expiredAt(now)) {
                return replay(existing.get(), requestHash, operation);
            }
            C command = operation.prepare().get();
            IdempotencyRecord claim = IdempotencyRecord.start(operation.scope(), key, requestHash,
                    UUID.randomUUID().toString(), IdempotencyKeys.writeJson(command), now,
                    now.plus(properties.retention()));
            boolean claimed = existing.isPresent() ? keys.replaceExpired(claim, existing.get()) : keys.tryInsert(claim);
            if (claimed) {
                R response = execute(claim, command, false, operation);
                return new Outcome<>(operation.status().applyAsInt(response), response, false);
            }
            // Another request claimed the key between our read and our write: answer as its retry would be.
        }
        throw ApiProblem.conflict("idempotency-key-busy", "requests with this Idempotency-Key keep racing; retry");
    }

    private <C, R> Outcome<R> replay(IdempotencyRecord existing, String requestHash, Operation<C, R> operation) {
        if (!existing.requestHash().equals(requestHash)) {
            throw ApiProblem.conflict("idempotency-key-reuse", "this Idempotency-Key was used for a different"
                    + " request; use a new key for a new request");
        }
        if (existing.state() == IdempotencyRecord.State.COMPLETED) {
            return new Outcome<>(existing.responseStatus(),
                    IdempotencyKeys.readJson(existing.responseBody(), operation.responseType()), true);
        }
        C command = IdempotencyKeys.readJson(existing.command(), operation.commandType());
        R response = execute(existing, command, true, operation);
        return new Outcome<>(operation.status().applyAsInt(response), response, true);
    }

    private <C, R> R execute(IdempotencyRecord claim, C command, boolean retry, Operation<C, R> operation) {
        R response;
        try {
            response = operation.execute().apply(command, retry);
        } catch (RuleViolation | ApiProblem e) {
            keys.release(claim);
            throw e;
        } catch (AggregateNotFoundException e) {
            keys.release(claim);
            throw ApiProblem.notFound(operation.notFoundSlug(), "no such " + e.getAggregateIdentifier());
        } catch (CommandExecutionException e) {
            // The command gateway wraps the handler's refusal; it is still a refusal, so nothing was written.
            if (e.getCause() instanceof RuleViolation violation) {
                keys.release(claim);
                throw violation;
            }
            throw e;
        }
        // Anything else left the key IN_PROGRESS: a retry re-sends the same command.
        keys.complete(claim, operation.status().applyAsInt(response), IdempotencyKeys.writeJson(response));
        return response;
    }
}
