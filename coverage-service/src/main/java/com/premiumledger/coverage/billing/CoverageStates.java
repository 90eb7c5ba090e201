package com.premiumledger.coverage.billing;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOneModel;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.WriteModel;
import com.premiumledger.coverage.lifecycle.CoverageState;
import com.premiumledger.coverage.lifecycle.CoverageStatus;
import com.premiumledger.coverage.lifecycle.EndedGrace;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.springframework.stereotype.Component;

/**
 * {@code coverage_states}: per account, the coverage state the aggregate last answered with, so the next
 * decision starts from it. Only a newer aggregate version replaces it. If it lags (a crash after the command),
 * the aggregate refuses the stale decision and answers with its real state, which heals it.
 */
@Component
class CoverageStates {

    static final String COLLECTION = "coverage_states";

    private final MongoCollection<Document> states;

    CoverageStates(MongoDatabase database) {
        this.states = database.getCollection(COLLECTION);
    }

    /** The stored states of {@code accountIds} that have one, in one {@code $in} read. */
    Map<String, CoverageState> loadAll(Collection<String> accountIds) {
        Map<String, CoverageState> found = new HashMap<>();
        if (accountIds.isEmpty()) {
            return found;
        }
        for (Document document : states.find(Filters.in("_id", accountIds))) {
            found.put(document.getString("_id"), fromDocument(document));
        }
        return found;
    }

    /** Stores {@code moved} (by account) in one unordered bulk write, except where {@code stored} is newer. */
    void saveAll(Map<String, CoverageState> stored, Map<String, CoverageState> moved) {
        List<WriteModel<Document>> writes = new ArrayList<>();
        moved.forEach((accountId, state) -> {
            CoverageState before = stored.get(accountId);
            if (before == null || before.version() <= state.version()) {
                writes.add(new ReplaceOneModel<>(Filters.eq("_id", accountId), toDocument(accountId, state),
                        new ReplaceOptions().upsert(true)));
            }
        });
        if (!writes.isEmpty()) {
            states.bulkWrite(writes, new BulkWriteOptions().ordered(false));
        }
    }

    private static Document toDocument(String accountId, CoverageState state) {
        EndedGrace ended = state.endedGrace();
        return new Document("_id", accountId)
                .append("status", state.status() == null ? null : state.status().name())
                .append("graceStart", text(state.graceStart()))
                .append("graceEnd", text(state.graceEnd()))
                .append("version", state.version())
                .append("paidThroughDate", text(state.paidThroughDate()))
                .append("endedGrace", ended == null ? null : new Document("paymentId", ended.paymentId())
                        .append("graceStart", text(ended.graceStart()))
                        .append("graceEnd", text(ended.graceEnd())));
    }

    private static CoverageState fromDocument(Document document) {
        Document ended = document.get("endedGrace", Document.class);
        String status = document.getString("status");
        return new CoverageState(status == null ? null : CoverageStatus.valueOf(status),
                date(document.getString("graceStart")), date(document.getString("graceEnd")),
                ((Number) document.get("version")).longValue(),
                ended == null ? null : new EndedGrace(ended.getString("paymentId"),
                        date(ended.getString("graceStart")), date(ended.getString("graceEnd"))),
                date(document.getString("paidThroughDate")));
    }

    private static String text(LocalDate date) {
        return date == null ? null : date.toString();
    }

    private static LocalDate date(String text) {
        return text == null ? null : LocalDate.parse(text);
    }
}
