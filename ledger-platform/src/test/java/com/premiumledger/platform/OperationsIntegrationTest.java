package com.premiumledger.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.premiumledger.platform.operations.DeadLetter;
import com.premiumledger.platform.operations.DeadLetters;
import com.premiumledger.platform.operations.Republisher;
import com.premiumledger.platform.testapp.TestLedgerApplication;
import com.premiumledger.platform.testapp.TestSupport;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/** A poison record goes to the dead-letter topic, the rest keep flowing, and a retry after the fix applies it. */
@SpringBootTest(classes = TestLedgerApplication.class, properties = {
        "spring.config.name=premium-platform,test-ledger",
        "spring.application.name=test-ledger-ops",
        "spring.data.mongodb.database=platform-ops-test",
        "premium.consumer.retry-attempts=2",
        "premium.consumer.retry-backoff=10ms",
        "premium.outbox.topic=premium.billing.v1",
        "premium.outbox.source=/premium-ledger/test"})
@ActiveProfiles("local")
class OperationsIntegrationTest {

    @Autowired
    CommandGateway commands;
    @Autowired
    TestSupport support;
    @Autowired
    DeadLetters deadLetters;
    @Autowired
    Republisher republisher;

    @Test
    void aPoisonRecordIsDeadLetteredTheRestFlowAndARetryAfterTheFixAppliesIt() {
        String poison = "P-" + UUID.randomUUID();
        String healthy = "H-" + UUID.randomUUID();
        commands.sendAndWait(support.openPoison(poison));
        commands.sendAndWait(new TestSupport.OpenCommand(healthy).toCommand());
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(support.received(healthy)).hasSize(1));
        DeadLetter letter = await().atMost(Duration.ofSeconds(30)).until(() -> deadLetters.list().stream()
                .filter(candidate -> poison.equals(candidate.key())).findFirst().orElse(null), found -> found != null);
        assertThat(letter.exceptionMessage()).contains("poison pill");
        assertThat(letter.consumerGroup()).isEqualTo("test-ledger-ops.events");
        assertThat(support.received(poison)).isEmpty();

        support.curePoison();
        DeadLetter retried = deadLetters.retry(letter.id());
        assertThat(support.received(poison)).hasSize(1);
        assertThat(deadLetters.list().stream().filter(candidate -> candidate.id().equals(retried.id())).findFirst()
                .orElseThrow().retriedAt()).isNotNull();
        deadLetters.retry(letter.id());
        assertThat(support.received(poison)).as("a second retry is dropped by the handler's guard").hasSize(1);
    }

    @Test
    void republishingAnAggregateChangesNothingForConsumers() {
        String accountId = "R-" + UUID.randomUUID();
        commands.sendAndWait(new TestSupport.OpenCommand(accountId).toCommand());
        commands.sendAndWait(support.bill(accountId, "2027-01"));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(support.received(accountId)).hasSize(2));
        Republisher.Result result = republisher.aggregate(accountId);
        assertThat(result.events()).isEqualTo(2);
        String marker = "M-" + UUID.randomUUID();
        commands.sendAndWait(new TestSupport.OpenCommand(marker).toCommand());
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(support.received(marker)).hasSize(1));
        List<Long> sequences = support.received(accountId).stream().map(event -> event.sequence()).toList();
        assertThat(sequences).containsExactly(0L, 1L);
    }
}
