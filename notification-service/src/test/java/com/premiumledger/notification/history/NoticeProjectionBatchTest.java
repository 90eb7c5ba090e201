package com.premiumledger.notification.history;

import static com.premiumledger.notification.history.NoticeProjectionTest.received;
import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import com.premiumledger.events.NoticeIssued;
import com.premiumledger.notification.NotificationServiceTest;
import com.premiumledger.notification.testing.CountingMongo;
import com.premiumledger.platform.consumer.ReceivedEvent;
import com.premiumledger.platform.rebuild.ProjectionCollections;
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
 * The history under the consumer contract, folded into a copy of its own: a batch handed again, or an older
 * notice repeated after newer ones, changes nothing and keeps each notice's first position; a batch is two bulk
 * writes whatever its size.
 */
@NotificationServiceTest
class NoticeProjectionBatchTest {

    @Autowired
    Environment environment;
    @Autowired
    NoticeProjection projection;

    CountingMongo mongo;
    ProjectionCollections copy;

    @BeforeEach
    void open() {
        mongo = new CountingMongo(environment.getRequiredProperty("spring.data.mongodb.uri"));
        copy = new ProjectionCollections() {
            @Override
            public MongoCollection<Document> collection(String logicalName) {
                return mongo.database().getCollection(logicalName);
            }

            @Override
            public boolean rebuilding() {
                return true;
            }
        };
    }

    @AfterEach
    void close() {
        mongo.close();
    }

    static List<ReceivedEvent> batch(int accounts, long firstOffset) {
        List<ReceivedEvent> batch = new ArrayList<>();
        long offset = firstOffset;
        for (int i = 0; i < accounts; i++) {
            String accountId = "H-" + UUID.randomUUID();
            for (String paymentId : List.of("P1-" + accountId, "P2-" + accountId)) {
                NoticeIssued issued = new NoticeIssued("PAYMENT_RECEIVED:" + paymentId, accountId, "PAYMENT_RECEIVED",
                        "LETTER", 15_000, null, "trigger-" + paymentId);
                batch.add(received(issued, "event-" + paymentId, offset++));
            }
        }
        return batch;
    }

    Map<String, List<Document>> stored() {
        Map<String, List<Document>> stored = new LinkedHashMap<>();
        for (String collection : List.of(NoticeProjection.NOTICES, NoticeProjection.ACCOUNT_NOTICES)) {
            stored.put(collection, mongo.database().getCollection(collection).find().sort(Sorts.ascending("_id"))
                    .into(new ArrayList<>()));
        }
        return stored;
    }

    static ReceivedEvent at(ReceivedEvent event, long offset) {
        return new ReceivedEvent(event.envelope(), event.topic(), event.partition(), offset);
    }

    @Test
    void aBatchHandedAgainOrAnOlderNoticeAfterNewerOnesChangesNothing() {
        List<ReceivedEvent> batch = new ArrayList<>(batch(3, 100));
        batch.add(at(batch.get(0), 200));

        projection.handleAll(batch, copy);
        Map<String, List<Document>> stored = stored();
        assertThat(stored.get(NoticeProjection.NOTICES)).hasSize(6);
        assertThat(stored.get(NoticeProjection.ACCOUNT_NOTICES)).hasSize(3)
                .allSatisfy(account -> assertThat(account.getList("noticeIds", String.class)).hasSize(2));
        String first = ((NoticeIssued) batch.get(0).payload()).noticeId();
        assertThat(mongo.database().getCollection(NoticeProjection.NOTICES).find(Filters.eq("_id", first)).first()
                .getLong("offset")).isEqualTo(100);

        projection.handleAll(batch, copy);
        projection.handleAll(List.of(at(batch.get(5), 300), at(batch.get(0), 301)), copy);
        batch.forEach(event -> projection.handle(at(event, 400), copy));
        assertThat(stored()).isEqualTo(stored);
    }

    @Test
    void storeRoundTripsPerBatchDoNotGrowWithTheBatch() {
        projection.handleAll(batch(5, 0), copy);
        Map<String, Long> small = mongo.roundTrips();
        projection.handleAll(batch(50, 100), copy);
        Map<String, Long> large = mongo.roundTrips();
        System.out.printf("store round trips per batch of 10 and 100 notices: history %s, %s%n", small, large);
        assertThat(large).isEqualTo(small).isEqualTo(Map.of(NoticeProjection.NOTICES, 1L,
                NoticeProjection.ACCOUNT_NOTICES, 1L));
    }
}
