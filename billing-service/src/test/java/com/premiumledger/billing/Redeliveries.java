package com.premiumledger.billing;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Sorts;
import com.premiumledger.platform.consumer.ReceivedEvent;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.bson.Document;

/**
 * The redeliveries every handler must shrug off (no gate in front of it): the same batch handed again, the
 * batch's events repeated in reverse (earlier ones after later ones), and each event handed alone again.
 */
public final class Redeliveries {

    private Redeliveries() {
    }

    /**
     * Hands {@code batch} to {@code handleAll}, then redelivers it every way; {@code state} (documents, counters,
     * commands sent) must not change after the first time. Returns the state after the first time.
     */
    public static <S> S assertIdempotent(List<ReceivedEvent> batch, Consumer<List<ReceivedEvent>> handleAll,
                                         Consumer<ReceivedEvent> handle, Supplier<S> state) {
        handleAll.accept(batch);
        S once = state.get();
        handleAll.accept(batch);
        assertThat(state.get()).as("the same batch again").isEqualTo(once);
        List<ReceivedEvent> reversed = new ArrayList<>(batch);
        Collections.reverse(reversed);
        handleAll.accept(reversed);
        assertThat(state.get()).as("earlier events repeated after later ones").isEqualTo(once);
        reversed.forEach(handle);
        assertThat(state.get()).as("each event alone again, latest first").isEqualTo(once);
        return once;
    }

    /** Every document of {@code collections}, by collection, in {@code _id} order: the stored state to compare. */
    public static Map<String, List<Document>> documents(MongoDatabase database, String... collections) {
        Map<String, List<Document>> documents = new LinkedHashMap<>();
        for (String collection : collections) {
            documents.put(collection, database.getCollection(collection).find().sort(Sorts.ascending("_id"))
                    .into(new ArrayList<>()));
        }
        return documents;
    }
}
