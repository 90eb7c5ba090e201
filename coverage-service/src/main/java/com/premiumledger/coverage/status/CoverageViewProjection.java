package com.premiumledger.coverage.status;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.InsertOneModel;
import com.mongodb.client.model.ReplaceOneModel;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import com.mongodb.client.model.WriteModel;
import com.premiumledger.coverage.lifecycle.CoverageStatus;
import com.premiumledger.events.CoveragePaidThroughChanged;
import com.premiumledger.events.CoverageStatusChanged;
import com.premiumledger.events.LedgerEvent;
import com.premiumledger.events.Topics;
import com.premiumledger.platform.consumer.ReceivedEvent;
import com.premiumledger.platform.rebuild.ProjectionCollections;
import com.premiumledger.platform.rebuild.ProjectionStore;
import com.premiumledger.platform.rebuild.RebuildableProjection;
import com.premiumledger.platform.store.IdGuard;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.bson.Document;
import org.springframework.stereotype.Component;

/**
 * Projects CoverageStatusChanged (and the paid-through moves of CoveragePaidThroughChanged) into
 * {@code coverage_views} (one document per account: status, since, program, paid-through, grace and termination
 * dates, history, lastSequence) and {@code coverage_by_status} (one document per status: its account ids). Every
 * read and write is by {@code _id} or {@code $in} on it.
 *
 * <p>A change is applied only when its sequence is past the view's {@code lastSequence}, checked again in the
 * write filter, so a redelivered or older event never adds a second history entry. The status index is then
 * made to agree with the view, which is idempotent, so a crash between the two writes heals on the redelivery.
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
    public Set<Class<? extends LedgerEvent>> eventTypes() {
        return Set.of(CoverageStatusChanged.class, CoveragePaidThroughChanged.class);
    }

    @Override
    public void handle(ReceivedEvent event, ProjectionCollections into) {
        handleAll(List.of(event), into);
    }

    /**
     * One {@code $in} read of the views the batch touches, the fold in memory, one bulk write of the views that
     * changed (each guarded by the {@code lastSequence} it was read at), then one bulk write that puts every
     * touched account under its view's status and under no other. Should a guard not hold (another writer, only
     * in a rebalance), this throws and the platform applies the events one by one, which skips what is stored.
     */
    @Override
    public void handleAll(List<ReceivedEvent> events, ProjectionCollections into) {
        Set<String> accountIds = new LinkedHashSet<>();
        for (ReceivedEvent event : events) {
            accountId(event.payload()).ifPresent(accountIds::add);
        }
        if (accountIds.isEmpty()) {
            return;
        }
        MongoCollection<Document> views = into.collection(VIEWS);
        Map<String, Document> stored = new HashMap<>();
        for (Document view : views.find(Filters.in("_id", accountIds))) {
            stored.put(view.getString("_id"), view);
        }
        Map<String, Document> latest = new HashMap<>(stored);
        for (ReceivedEvent event : events) {
            accountId(event.payload()).ifPresent(accountId -> fold(latest.get(accountId), event)
                    .ifPresent(next -> latest.put(accountId, next)));
        }
        saveAll(views, stored, latest);
        indexStatuses(into.collection(BY_STATUS), accountIds, latest);
    }

    private static Optional<String> accountId(LedgerEvent payload) {
        if (payload instanceof CoverageStatusChanged changed) {
            return Optional.of(changed.accountId());
        }
        return payload instanceof CoveragePaidThroughChanged moved ? Optional.of(moved.accountId()) : Optional.empty();
    }

    /** The view after {@code event}; empty when the view already holds it (a redelivery or an older event). */
    private static Optional<Document> fold(Document view, ReceivedEvent event) {
        long lastSequence = view == null ? NO_SEQUENCE : view.getLong("lastSequence");
        if (event.sequence() <= lastSequence) {
            return Optional.empty();
        }
        if (event.payload() instanceof CoveragePaidThroughChanged moved) {
            if (view == null) {
                throw new IllegalStateException("coverage of " + moved.accountId() + " moved its paid-through date"
                        + " at sequence " + event.sequence() + " before any status change");
            }
            return Optional.of(new Document(view).append("paidThroughDate", text(moved.paidThroughDate()))
                    .append("lastSequence", event.sequence()));
        }
        CoverageStatusChanged changed = (CoverageStatusChanged) event.payload();
        CoverageFold.Current current = CoverageFold.Current.of(changed);
        List<Document> history = new ArrayList<>(view == null ? List.of()
                : view.getList("history", Document.class, List.of()));
        history.add(historyEntry(CoverageFold.entry(changed, new CoverageFold.Position(event.eventId(),
                event.topic(), event.partition(), event.offset()))));
        Document next = view == null ? new Document("_id", changed.accountId()).append("accountId",
                changed.accountId()) : new Document(view);
        return Optional.of(next.append("status", current.status())
                .append("since", current.since().toString())
                .append("program", current.program())
                .append("paidThroughDate", text(current.paidThroughDate()))
                .append("graceStart", text(current.graceStart()))
                .append("graceEnd", text(current.graceEnd()))
                .append("terminationEffectiveDate", text(current.terminationEffectiveDate()))
                .append("lastSequence", event.sequence())
                .append("history", history));
    }

    private static void saveAll(MongoCollection<Document> views, Map<String, Document> stored,
                                Map<String, Document> latest) {
        List<WriteModel<Document>> writes = new ArrayList<>();
        latest.forEach((accountId, view) -> {
            Document before = stored.get(accountId);
            if (before == null) {
                writes.add(new InsertOneModel<>(view));
            } else if (before != view) {
                // Guarded by the sequence read (an equality on _id and one field stays an index lookup).
                writes.add(new ReplaceOneModel<>(GUARD.on(views, accountId, before.getLong("lastSequence")), view));
            }
        });
        if (!IdGuard.writeAll(views, writes)) {
            throw new IllegalStateException("coverage views changed while a batch was folded in");
        }
    }

    /**
     * Puts every touched account under the status its view holds and under no other, also when the batch changed
     * nothing (a crash between the two writes heals on the redelivery). Adding and pulling are idempotent, and
     * each account is added to one status document and pulled from the others, so their order does not matter.
     */
    private static void indexStatuses(MongoCollection<Document> byStatus, Set<String> accountIds,
                                      Map<String, Document> views) {
        Map<String, List<String>> added = new TreeMap<>();
        Map<String, List<String>> pulled = new TreeMap<>();
        for (String accountId : accountIds) {
            Document view = views.get(accountId);
            String status = view == null ? null : view.getString("status");
            if (status == null) {
                continue;
            }
            for (CoverageStatus each : CoverageStatus.values()) {
                (each.name().equals(status) ? added : pulled).computeIfAbsent(each.name(), name -> new ArrayList<>())
                        .add(accountId);
            }
        }
        List<WriteModel<Document>> writes = new ArrayList<>();
        added.forEach((status, ids) -> writes.add(new UpdateOneModel<>(Filters.eq("_id", status),
                Updates.addEachToSet("accountIds", ids), new UpdateOptions().upsert(true))));
        pulled.forEach((status, ids) -> writes.add(new UpdateOneModel<>(Filters.eq("_id", status),
                Updates.pullAll("accountIds", ids))));
        if (!writes.isEmpty()) {
            byStatus.bulkWrite(writes, new BulkWriteOptions().ordered(false));
        }
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
