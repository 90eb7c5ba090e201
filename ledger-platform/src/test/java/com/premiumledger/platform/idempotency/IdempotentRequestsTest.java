package com.premiumledger.platform.idempotency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import com.premiumledger.platform.idempotency.IdempotentRequests.Operation;
import com.premiumledger.platform.idempotency.IdempotentRequests.Outcome;
import com.premiumledger.platform.testing.EmbeddedMongo;
import com.premiumledger.platform.web.ApiProblem;
import com.premiumledger.platform.web.RuleViolation;
import jakarta.validation.Validation;
import jakarta.validation.ValidatorFactory;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The reusable Idempotency-Key component over the embedded MongoDB-compatible server. */
class IdempotentRequestsTest {

    record Command(String id, long amountCents) {
    }

    record Answer(String id, long amountCents, boolean retry) {
    }

    /** A clock the test moves by hand. */
    static final class MovableClock extends Clock {
        private Instant now = Instant.parse("2027-01-05T10:00:00Z");

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    @RegisterExtension
    static final EmbeddedMongo MONGO = new EmbeddedMongo();

    final MongoDatabase database = MONGO.freshDatabase("idempotency-");
    final MovableClock clock = new MovableClock();
    final IdempotentRequests requests = new IdempotentRequests(
            new IdempotencyKeys(database, Set.of("bare")), IdempotencyProperties.defaults(), clock);
    final List<Command> executed = new ArrayList<>();

    private Operation<Command, Answer> operation(String scope, long amountCents) {
        return new Operation<>(scope, answer -> answer.amountCents() > 100 ? 201 : 200, Command.class, Answer.class,
                () -> new Command(UUID.randomUUID().toString(), amountCents),
                (command, retry) -> {
                    executed.add(command);
                    return new Answer(command.id(), command.amountCents(), retry);
                }, "thing-not-found");
    }

    private Document stored(String id) {
        return database.getCollection(IdempotencyKeys.COLLECTION).find(Filters.eq("_id", id)).first();
    }

    @Test
    void theSameKeyAndBodyAnswerTheFirstResponseAgainAndRunNothingMore() {
        Outcome<Answer> first = requests.run("k-1", "hash-a", operation("bills", 500));
        Outcome<Answer> again = requests.run("k-1", "hash-a", operation("bills", 500));

        assertThat(first.replayed()).isFalse();
        assertThat(first.status()).isEqualTo(201);
        assertThat(again.replayed()).isTrue();
        assertThat(again.status()).isEqualTo(201);
        assertThat(again.response()).isEqualTo(first.response());
        assertThat(executed).hasSize(1);
        assertThat(stored("bills k-1").getString("state")).isEqualTo("COMPLETED");
    }

    @Test
    void theSameKeyWithAnotherBodyIsAConflictAndChangesNothing() {
        requests.run("k-2", "hash-a", operation("bills", 500));

        assertThatThrownBy(() -> requests.run("k-2", "hash-b", operation("bills", 700)))
                .isInstanceOfSatisfying(ApiProblem.class, problem -> {
                    assertThat(problem.slug()).isEqualTo("idempotency-key-reuse");
                    assertThat(problem.status().value()).isEqualTo(409);
                });
        assertThat(executed).hasSize(1);
    }

    @Test
    void keysAreScopedPerEndpointAndABareScopeKeepsTheKeyAlone() {
        requests.run("k-3", "hash-a", operation("bills", 50));
        Outcome<Answer> other = requests.run("k-3", "hash-b", operation("refunds", 60));
        requests.run("k-3", "hash-c", operation("bare", 70));

        assertThat(other.replayed()).isFalse();
        assertThat(other.status()).isEqualTo(200);
        assertThat(executed).hasSize(3);
        assertThat(stored("bills k-3")).isNotNull();
        assertThat(stored("refunds k-3")).isNotNull();
        assertThat(stored("k-3").getString("scope")).isEqualTo("bare");
    }

    @Test
    void aRefusedCommandFreesTheKeySoTheCorrectedRequestMayUseIt() {
        Operation<Command, Answer> refused = new Operation<>("bills", 201, Command.class, Answer.class,
                () -> new Command("c", 1), (command, retry) -> {
                    throw RuleViolation.invalid("amount", "too small");
                }, "thing-not-found");
        assertThatThrownBy(() -> requests.run("k-4", "hash-a", refused)).isInstanceOf(RuleViolation.class);
        assertThat(stored("bills k-4")).isNull();

        assertThat(requests.run("k-4", "hash-b", operation("bills", 500)).replayed()).isFalse();
    }

    @Test
    void aRetryAfterACrashMidwayResendsTheStoredCommandFlaggedAsARetry() {
        Outcome<Answer> first = requests.run("k-5", "hash-a", operation("bills", 500));
        // As if the service died after the command and before completing the key.
        database.getCollection(IdempotencyKeys.COLLECTION).updateOne(Filters.eq("_id", "bills k-5"),
                Updates.combine(Updates.set("state", "IN_PROGRESS"), Updates.unset("responseStatus"),
                        Updates.unset("responseBody")));

        Outcome<Answer> retry = requests.run("k-5", "hash-a", operation("bills", 500));

        assertThat(retry.replayed()).isTrue();
        assertThat(retry.response()).isEqualTo(new Answer(first.response().id(), 500, true));
        assertThat(executed).extracting(Command::id).containsExactly(first.response().id(), first.response().id());
        assertThat(stored("bills k-5").getString("state")).isEqualTo("COMPLETED");
    }

    @Test
    void aKeyIsKeptForTheRetentionAndMayBeUsedAgainAfterIt() {
        requests.run("k-6", "hash-a", operation("bills", 500));
        assertThat(stored("bills k-6").getDate("expiresAt").toInstant())
                .isEqualTo(clock.instant().plus(Duration.ofDays(30)));

        clock.advance(Duration.ofDays(30).minusSeconds(1));
        assertThatThrownBy(() -> requests.run("k-6", "hash-b", operation("bills", 700)))
                .isInstanceOf(ApiProblem.class);
        clock.advance(Duration.ofSeconds(1));
        Outcome<Answer> reused = requests.run("k-6", "hash-b", operation("bills", 700));
        assertThat(reused.replayed()).isFalse();
        assertThat(reused.response().amountCents()).isEqualTo(700);
    }

    @Test
    void retentionShorterThanThirtyDaysIsRefusedAtStartUp() {
        try (ValidatorFactory factory = Validation.buildDefaultValidatorFactory()) {
            assertThat(factory.getValidator().validate(new IdempotencyProperties(Duration.ofDays(29), 3, Set.of())))
                    .extracting(violation -> violation.getPropertyPath().toString()).containsExactly("retention");
            assertThat(factory.getValidator().validate(IdempotencyProperties.defaults())).isEmpty();
        }
    }

    @Test
    void malformedKeysAreRefused() {
        assertThat(IdempotencyHeaders.isWellFormed("abc-123")).isTrue();
        assertThat(IdempotencyHeaders.isWellFormed(null)).isFalse();
        assertThat(IdempotencyHeaders.isWellFormed("has space")).isFalse();
        assertThat(IdempotencyHeaders.isWellFormed("x".repeat(256))).isFalse();
        assertThatThrownBy(() -> IdempotencyHeaders.check("")).isInstanceOfSatisfying(ApiProblem.class,
                problem -> assertThat(problem.slug()).isEqualTo("idempotency-key-required"));
    }
}
