package com.premiumledger.billing.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoDatabase;
import com.premiumledger.platform.testing.EmbeddedMongo;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class DueIndexTest {

    @RegisterExtension
    static final EmbeddedMongo MONGO = new EmbeddedMongo();

    final MongoDatabase database = MONGO.freshDatabase("due-");
    final DueIndex index = new DueIndex(database);

    @Test
    void everyAccountDueInTheRangeIsFoundWhileOneDaysAccountsAreSpreadOverSeveralDocuments() {
        LocalDate due = LocalDate.of(2027, 1, 23);
        List<String> accounts = IntStream.range(0, 200).mapToObj(i -> "A-" + i).toList();
        accounts.forEach(account -> index.add(due, account));
        index.add(due.plusMonths(1), "LATER");
        index.add(due, "A-0");

        assertThat(index.accountsDue(due, due, 1)).containsExactlyInAnyOrderElementsOf(accounts);
        assertThat(index.accountsDue(due.minusDays(3), due.plusMonths(1), 2))
                .containsAll(accounts).contains("LATER").hasSize(201);
        assertThat(index.accountsDue(due.plusDays(1), due.plusDays(5), 366)).isEmpty();
        assertThat(index.minDueDate()).contains(due);
        long documents = database.getCollection(DueIndex.DAYS).countDocuments();
        assertThat(documents).as("one day's documents").isGreaterThan(DueIndex.BUCKETS / 2);
        assertThat(Set.copyOf(database.getCollection(DueIndex.DAYS)
                .find(new Document("_id", DueIndex.documentId(due, "A-7"))).first().getList("accounts", String.class)))
                .contains("A-7");
    }

    @Test
    void aDayWrittenBeforeTheBucketsIsStillRead() {
        LocalDate due = LocalDate.of(2027, 2, 23);
        database.getCollection(DueIndex.DAYS).insertOne(new Document("_id", due.toString())
                .append("accounts", List.of("OLD-1", "OLD-2")));
        index.add(due, "NEW-1");

        assertThat(index.accountsDue(due, due, 366)).containsExactlyInAnyOrder("OLD-1", "OLD-2", "NEW-1");
    }
}
