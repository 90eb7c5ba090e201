package com.premiumledger.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.premiumledger.events.AccountOpened;
import com.premiumledger.events.BillIssued;
import com.premiumledger.platform.consumer.ReceivedEvent;
import com.premiumledger.platform.eventstore.MongoEventStorageEngine;
import com.premiumledger.platform.outbox.KafkaCommitPublisher;
import com.premiumledger.platform.testapp.TestLedgerApplication;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

@SpringBootTest(classes = TestLedgerApplication.class, properties = {
        "spring.config.name=premium-platform,test-ledger",
        "spring.application.name=test-ledger",
        "spring.data.mongodb.database=platform-test",
        "premium.outbox.topic=premium.billing.v1",
        "premium.outbox.source=/premium-ledger/test"})
@ActiveProfiles("local")
class PlatformIntegrationTest {

    @Autowired
    CommandGateway commands;
    @Autowired
    MongoEventStorageEngine storage;
    @Autowired
    KafkaCommitPublisher sweeper;
    @Autowired
    MongoDatabase database;
    @Autowired
    com.premiumledger.platform.testapp.TestSupport support;

    @Test
    void eventsAreStoredPublishedAndConsumedInOrder() {
        String accountId = "T-" + UUID.randomUUID();
        commands.sendAndWait(new com.premiumledger.platform.testapp.TestSupport.OpenCommand(accountId).toCommand());
        for (int month = 1; month <= 70; month++) {
            commands.sendAndWait(support.bill(accountId, String.format("2027-%02d", month)));
        }
        assertThat(storage.readEvents(accountId).asStream().count()).isEqualTo(71);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            List<ReceivedEvent> mine = support.received(accountId);
            assertThat(mine).hasSize(71);
            assertThat(mine.get(0).payload()).isInstanceOf(AccountOpened.class);
            assertThat(mine.get(70).payload()).isInstanceOf(BillIssued.class);
            for (int i = 0; i < mine.size(); i++) {
                assertThat(mine.get(i).sequence()).isEqualTo(i);
            }
        });
        await().atMost(Duration.ofSeconds(10)).until(() ->
                database.getCollection("event_pending").countDocuments(Filters.eq("aggregateId", accountId)) == 0);
    }

    @Test
    void creatingAnExistingAggregateFails() {
        String accountId = "T-" + UUID.randomUUID();
        commands.sendAndWait(new com.premiumledger.platform.testapp.TestSupport.OpenCommand(accountId).toCommand());
        assertThatThrownBy(() -> commands.sendAndWait(
                new com.premiumledger.platform.testapp.TestSupport.OpenCommand(accountId).toCommand()))
                .isInstanceOf(AggregateStreamCreationException.class);
    }

    @Test
    void aCommitStoredButNeverPublishedIsPublishedByTheSweeper() {
        String accountId = "T-" + UUID.randomUUID();
        support.storeWithoutPublishing(accountId);
        assertThat(database.getCollection("event_pending").countDocuments(Filters.eq("aggregateId", accountId)))
                .isEqualTo(1);
        sweeper.sweepOlderThan(Instant.now().plusSeconds(1));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(support.received(accountId)).hasSize(1));
        assertThat(database.getCollection("event_pending").countDocuments(Filters.eq("aggregateId", accountId)))
                .isZero();
    }
}
