package com.premiumledger.notification.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Sorts;
import com.premiumledger.events.AccountOpened;
import com.premiumledger.events.EventEnvelope;
import com.premiumledger.events.EventTypes;
import com.premiumledger.events.NoticeIssued;
import com.premiumledger.events.Topics;
import com.premiumledger.notification.NotificationProperties;
import com.premiumledger.notification.NotificationServiceTest;
import com.premiumledger.notification.member.MemberDirectory;
import com.premiumledger.notification.member.TestDirectory;
import com.premiumledger.notification.notice.NoticeFacts;
import com.premiumledger.notification.notice.TestNotices;
import com.premiumledger.notification.testing.CountingMongo;
import com.premiumledger.platform.consumer.ReceivedEvent;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;

/**
 * The dispatcher under the consumer contract: a batch of NoticeIssued handed again, repeated out of order, or
 * after the notice was delivered, records and queues nothing more, so no email or SMS goes out twice; and a batch
 * costs the same store round trips whatever its size.
 */
@NotificationServiceTest
class NoticeDispatcherTest {

    static final Instant NOW = Instant.parse("2027-01-25T10:00:00Z");

    @Autowired
    Environment environment;
    @Autowired
    NotificationProperties properties;
    @Autowired
    NoticeRenderer renderer;

    CountingMongo mongo;
    MemberDirectory members;
    NoticeFacts facts;
    Deliveries deliveries;
    NoticeDispatcher dispatcher;

    @BeforeEach
    void open() {
        mongo = new CountingMongo(environment.getRequiredProperty("spring.data.mongodb.uri"));
        MongoDatabase database = mongo.database();
        members = TestDirectory.on(database, properties);
        facts = TestNotices.facts(database);
        deliveries = new Deliveries(database);
        dispatcher = new NoticeDispatcher(members, facts, renderer, deliveries, Clock.fixed(NOW, ZoneOffset.UTC));
    }

    @AfterEach
    void close() {
        mongo.close();
    }

    /** A payment-received notice for a new member, with its facts written as its trigger writes them. */
    ReceivedEvent notice(long offset) {
        String accountId = "D-" + UUID.randomUUID();
        String paymentId = "P-" + UUID.randomUUID();
        members.record(new AccountOpened(accountId, "Dee Member", "APTC", LocalDate.of(2027, 1, 1), "en",
                "dee@example.org", "service"));
        NoticeIssued issued = new NoticeIssued("PAYMENT_RECEIVED:" + paymentId, accountId, "PAYMENT_RECEIVED",
                "EMAIL", 15_000, null, "trigger-" + paymentId);
        facts.save(issued.noticeId(), Map.of("paymentId", paymentId, "receivedDate", "2027-01-25", "method", "ACH"));
        return received(issued, offset);
    }

    static ReceivedEvent received(NoticeIssued issued, long offset) {
        return new ReceivedEvent(new EventEnvelope("event-" + issued.noticeId(), EventTypes.typeOf(NoticeIssued.class),
                "/test", issued.accountId(), NOW, issued.noticeId(), 0, null, null, issued), Topics.NOTICES, 1, offset);
    }

    Map<String, List<Document>> stored() {
        Map<String, List<Document>> stored = new LinkedHashMap<>();
        for (String collection : List.of(Deliveries.DELIVERIES, Deliveries.QUEUE)) {
            stored.put(collection, mongo.database().getCollection(collection).find().sort(Sorts.ascending("_id"))
                    .into(new ArrayList<>()));
        }
        return stored;
    }

    @Test
    void aNoticeSeenAgainIsNeitherRecordedNorQueuedAgain() {
        List<ReceivedEvent> batch = new ArrayList<>(List.of(notice(10), notice(11), notice(12)));
        batch.add(new ReceivedEvent(batch.get(0).envelope(), Topics.NOTICES, 1, 13));

        dispatcher.handleAll(batch);
        Map<String, List<Document>> stored = stored();
        assertThat(stored.get(Deliveries.DELIVERIES)).hasSize(3)
                .allSatisfy(delivery -> assertThat(delivery.getString("status")).isEqualTo("PENDING"));
        assertThat(stored.get(Deliveries.QUEUE)).hasSize(3);

        dispatcher.handleAll(batch);
        dispatcher.handleAll(List.of(batch.get(2), batch.get(0)));
        batch.forEach(dispatcher::handle);
        assertThat(stored()).isEqualTo(stored);

        String delivered = ((NoticeIssued) batch.get(0).payload()).noticeId();
        assertThat(deliveries.sent(delivered, NOW)).isTrue();
        deliveries.dequeue(delivered);
        Map<String, List<Document>> afterDelivery = stored();
        dispatcher.handleAll(batch);
        batch.forEach(dispatcher::handle);
        assertThat(stored()).isEqualTo(afterDelivery);
        assertThat(afterDelivery.get(Deliveries.QUEUE)).extracting(document -> document.getString("_id"))
                .doesNotContain(delivered);
    }

    @Test
    void storeRoundTripsPerBatchDoNotGrowWithTheBatch() {
        List<Map<String, Long>> roundTrips = new ArrayList<>();
        for (int size : new int[] {5, 50}) {
            List<ReceivedEvent> batch = new ArrayList<>();
            for (int i = 0; i < size; i++) {
                batch.add(notice(i));
            }
            mongo.roundTrips();
            dispatcher.handleAll(batch);
            roundTrips.add(mongo.roundTrips());
        }
        System.out.printf("store round trips per batch of 5 and 50 notices: dispatcher %s%n", roundTrips);
        assertThat(roundTrips.get(1)).isEqualTo(roundTrips.get(0));
    }
}
