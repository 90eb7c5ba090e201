package com.premiumledger.coverage.status;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import com.mongodb.client.result.UpdateResult;
import com.premiumledger.coverage.lifecycle.CoverageStatus;
import com.premiumledger.events.CoveragePaidThroughChanged;
import com.premiumledger.events.CoverageStatusChanged;
import com.premiumledger.events.Topics;
import com.premiumledger.platform.consumer.ReceivedEvent;
import com.premiumledger.platform.rebuild.ProjectionCollections;
import com.premiumledger.platform.rebuild.ProjectionStore;
import com.premiumledger.platform.rebuild.RebuildableProjection;
import com.premiumledger.platform.store.IdGuard;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.bson.Document;
import org.springframework.stereotype.Component;

/**
 * Projects CoverageStatusChanged (and the paid-through moves of CoveragePaidThroughChanged) into {@code coverage_views} (one document per account: status, since,
 * program, paid-through, grace and termination dates, history, lastSequence) and {@code coverage_by_status} (one document per status: its account ids). Every
 * read and write is by {@code _id}.
 *
 * <p>A change is applied only when its sequence is past the view's {@code lastSequence}, checked in the
 * update filter, so a replayed event never adds a second history entry. The status index is then made to
 * agree with the view, which is idempotent, so a crash between the two writes heals on the replay.
 */
@Component
class CoverageViewProjection implements RebuildableProjection {

    private static final IdGuard GUARD = new IdGuard("lastSequence");

    static final String NAME = "coverage-views";
    static final String VIEWS = "coverage_views";
    static final String BY_STATUS = "coverage_by_status";
    /** A view created but not yet given its first change (a crash between the two writes) has no status. */
    private static final long NO_SEQUENCE = -1;

    /** The copy in use, resolved on every call (a rebuilt copy takes over in one step). */
    private final ProjectionCollections collections;

    CoverageViewProjection(ProjectionStore projections) {
        this.collections = projections.live(NAME);
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<String> collectionNames() {
        return List.of(VIEWS, BY_STATUS);
    }

    @Override
    public ProjectionCollections collections() {
        return collections;
    }

    @Override
    public List<String> topics() {
        return List.of(Topics.COVERAGE);
    }

    @Override
    public void handle(ReceivedEvent event, ProjectionCollections into) {
        if (event.payload() instanceof CoverageStatusChanged changed) {
            apply(event, changed, into.collection(VIEWS), into.collection(BY_STATUS));
        } else if (event.payload() instanceof CoveragePaidThroughChanged moved) {
            apply(event, moved, into.collection(VIEWS));
        }
    }

    /** Only the paid-through date moves; the lastSequence guard makes a replay change nothing. */
    private void apply(ReceivedEvent event, CoveragePaidThroughChanged moved, MongoCollection<Document> views) {
        Document view = views.find(Filters.eq("_id", moved.accountId())).first();
        long lastSequence = view == null ? NO_SEQUENCE : view.getLong("lastSequence");
        if (event.sequence() <= lastSequence) {
            return;
        }
        UpdateResult result = views.updateOne(GUARD.on(views, moved.accountId(), lastSequence),
                Updates.combine(Updates.set("paidThroughDate", text(moved.paidThroughDate())),
                        Updates.set("lastSequence", event.sequence())));
        if (result.getMatchedCount() == 0) {
            assertAlreadyApplied(views, moved.accountId(), event.sequence());
        }
    }

    private void apply(ReceivedEvent event, CoverageStatusChanged changed, MongoCollection<Document> views,
                       MongoCollection<Document> byStatus) {
        String accountId = changed.accountId();
        // Creates the view on the account's first change and reads where it stands, in one round trip.
        long lastSequence = views.findOneAndUpdate(Filters.eq("_id", accountId),
                Updates.combine(Updates.setOnInsert("accountId", accountId),
                        Updates.setOnInsert("lastSequence", NO_SEQUENCE),
                        Updates.setOnInsert("history", List.of())),
                new FindOneAndUpdateOptions().upsert(true).returnDocument(ReturnDocument.AFTER))
                .getLong("lastSequence");
        if (event.sequence() <= lastSequence) {
            indexCurrentStatus(views, byStatus, accountId);
            return;
        }
        CoverageFold.Current current = CoverageFold.Current.of(changed);
        // Guarded by the sequence read above (an equality on _id and one field stays an index lookup).
        UpdateResult result = views.updateOne(GUARD.on(views, accountId, lastSequence),
                Updates.combine(Updates.set("status", current.status()),
                        Updates.set("since", current.since().toString()),
                        Updates.set("program", current.program()),
                        Updates.set("paidThroughDate", text(current.paidThroughDate())),
                        Updates.set("graceStart", text(current.graceStart())),
                        Updates.set("graceEnd", text(current.graceEnd())),
                        Updates.set("terminationEffectiveDate", text(current.terminationEffectiveDate())),
                        Updates.set("lastSequence", event.sequence()),
                        Updates.push("history", historyEntry(CoverageFold.entry(changed, new CoverageFold.Position(
                                event.eventId(), event.topic(), event.partition(), event.offset()))))));
        if (result.getMatchedCount() == 0) {
            assertAlreadyApplied(views, accountId, event.sequence());
        }
        indexCurrentStatus(views, byStatus, accountId);
    }

    private static void assertAlreadyApplied(MongoCollection<Document> views, String accountId, long sequence) {
        Document view = views.find(Filters.eq("_id", accountId)).first();
        long lastSequence = view == null ? NO_SEQUENCE : view.getLong("lastSequence");
        if (lastSequence < sequence) {
            throw new IllegalStateException("coverage view of " + accountId + " refused sequence " + sequence
                    + " although it is only at " + lastSequence);
        }
    }

    /** Puts the account under the status its view holds, and under no other. */
    private static void indexCurrentStatus(MongoCollection<Document> views, MongoCollection<Document> byStatus,
                                           String accountId) {
        Document view = views.find(Filters.eq("_id", accountId)).first();
        String status = view == null ? null : view.getString("status");
        if (status == null) {
            return;
        }
        List<String> others = Arrays.stream(CoverageStatus.values()).map(Enum::name)
                .filter(name -> !name.equals(status)).toList();
        byStatus.updateMany(Filters.in("_id", others), Updates.pull("accountIds", accountId));
        byStatus.updateOne(Filters.eq("_id", status), Updates.addToSet("accountIds", accountId),
                new UpdateOptions().upsert(true));
    }

    private static Document historyEntry(CoverageView.HistoryEntry entry) {
        return new Document("fromStatus", entry.fromStatus())
                .append("toStatus", entry.toStatus())
                .append("reason", entry.reason())
                .append("effectiveDate", entry.effectiveDate().toString())
                .append("graceStart", text(entry.graceStart()))
                .append("graceEnd", text(entry.graceEnd()))
                .append("paidThroughDate", text(entry.paidThroughDate()))
                .append("terminationEffectiveDate", text(entry.terminationEffectiveDate()))
                .append("eventId", entry.eventId())
                .append("causeEventId", entry.causeEventId())
                .append("topic", entry.topic())
                .append("partition", entry.partition())
                .append("offset", entry.offset());
    }

    Optional<CoverageView> coverage(String accountId) {
        Document view = collections.collection(VIEWS).find(Filters.eq("_id", accountId)).first();
        if (view == null || view.getString("status") == null) {
            return Optional.empty();
        }
        List<CoverageView.HistoryEntry> history = new ArrayList<>();
        for (Document entry : view.getList("history", Document.class)) {
            history.add(new CoverageView.HistoryEntry(entry.getString("fromStatus"), entry.getString("toStatus"),
                    entry.getString("reason"), LocalDate.parse(entry.getString("effectiveDate")),
                    date(entry.getString("graceStart")), date(entry.getString("graceEnd")),
                    date(entry.getString("paidThroughDate")), date(entry.getString("terminationEffectiveDate")),
                    entry.getString("eventId"), entry.getString("causeEventId"), entry.getString("topic"),
                    entry.getInteger("partition"), entry.getLong("offset")));
        }
        return Optional.of(new CoverageView(accountId, view.getString("program"), view.getString("status"),
                LocalDate.parse(view.getString("since")), date(view.getString("paidThroughDate")),
                date(view.getString("graceStart")), date(view.getString("graceEnd")),
                date(view.getString("terminationEffectiveDate")), history));
    }

    private static String text(LocalDate date) {
        return date == null ? null : date.toString();
    }

    private static LocalDate date(String text) {
        return text == null ? null : LocalDate.parse(text);
    }

    /** The account ids under {@code status}, sorted so that pages are stable. */
    List<String> accountsWithStatus(CoverageStatus status) {
        Document index = collections.collection(BY_STATUS).find(Filters.eq("_id", status.name())).first();
        if (index == null) {
            return List.of();
        }
        return index.getList("accountIds", String.class, List.of()).stream().sorted().toList();
    }
}
