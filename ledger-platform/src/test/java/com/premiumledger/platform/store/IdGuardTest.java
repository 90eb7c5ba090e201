package com.premiumledger.platform.store;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import com.premiumledger.platform.testing.EmbeddedMongo;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class IdGuardTest {

    @RegisterExtension
    static final EmbeddedMongo MONGO = new EmbeddedMongo();

    final MongoCollection<Document> views = MONGO.client().getDatabase("guard-test")
            .getCollection("v-" + UUID.randomUUID());
    final IdGuard guard = new IdGuard("lastSequence");

    @Test
    void aWriteLandsOnlyWhileTheGuardFieldHoldsTheExpectedValue() {
        views.insertOne(new Document("_id", "A-1").append("lastSequence", 3L).append("balance", 10));
        views.insertOne(new Document("_id", "A-2").append("lastSequence", 3L).append("balance", 20));

        assertThat(views.updateOne(guard.on(views, "A-1", 2L), Updates.set("balance", 99)).getMatchedCount())
                .as("stale guard").isZero();
        assertThat(views.updateOne(guard.on(views, "A-1", 3L),
                Updates.combine(Updates.set("balance", 11), Updates.set("lastSequence", 4L))).getMatchedCount())
                .isEqualTo(1);
        assertThat(views.updateOne(guard.on(views, "A-1", 3L), Updates.set("balance", 99)).getMatchedCount())
                .as("the guard moved on").isZero();

        assertThat(views.find(Filters.eq("_id", "A-1")).first().getInteger("balance")).isEqualTo(11);
        assertThat(views.find(Filters.eq("_id", "A-2")).first().getInteger("balance")).isEqualTo(20);
    }

    @Test
    void theFilterIsFlatAndBackedByAUniqueIndexOnBothKeys() {
        assertThat(guard.on(views, "A-1", 0L).toBsonDocument().keySet()).containsExactly("_id", "lastSequence");
        List<Document> indexes = views.listIndexes().into(new ArrayList<>());
        assertThat(indexes).anySatisfy(index -> {
            assertThat(index.getString("name")).isEqualTo("_id_lastSequence_guard");
            assertThat(index.get("key", Document.class).keySet()).containsExactly("_id", "lastSequence");
            assertThat(index.getBoolean("unique")).isTrue();
        });
    }
}
