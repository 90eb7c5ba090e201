package com.premiumledger.notification.history;

import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import com.mongodb.client.model.WriteModel;
import com.premiumledger.events.LedgerEvent;
import com.premiumledger.events.NoticeIssued;
import com.premiumledger.events.Topics;
import com.premiumledger.platform.consumer.ReceivedEvent;
import com.premiumledger.platform.rebuild.ProjectionCollections;
import com.premiumledger.platform.rebuild.ProjectionStore;
import com.premiumledger.platform.rebuild.RebuildableProjection;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.bson.Document;
import org.springframework.stereotype.Component;

/**
 * The notice history, fed from the notices topic (it sends nothing, so rebuilding it from the topic is always
 * safe): {@code notices} holds one document per notice
 * ({@code _id} = notice id) and {@code account_notices} one per account ({@code _id} = account id) with
 * the set of its notice ids, so every read is an {@code _id} lookup.
 *
 * <p>The notice document is written before its id joins the account's set, so a reader never meets an id
 * without its notice. Guard: the notice id. The first copy of a notice wins ({@code $setOnInsert}; its Kafka
 * position is the one auditors trace), and adding an id already in the set changes nothing, so a redelivered or
 * replayed notice changes nothing.
 */
@Component
class NoticeProjection implements RebuildableProjection {

    static final String NAME = "notice-history";
    static final String NOTICES = "notices";
    static final String ACCOUNT_NOTICES = "account_notices";

    private static final Comparator<IssuedNotice> OLDEST_FIRST =
            Comparator.comparing(IssuedNotice::createdAt).thenComparing(IssuedNotice::noticeId);

    /** The copy in use, resolved on every call (a rebuilt copy takes over in one step). */
    private final ProjectionCollections collections;

    NoticeProjection(ProjectionStore projections) {
        this.collections = projections.live(NAME);
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<String> collectionNames() {
        return List.of(NOTICES, ACCOUNT_NOTICES);
    }

    @Override
    public ProjectionCollections collections() {
        return collections;
    }

    @Override
    public List<String> topics() {
        return List.of(Topics.NOTICES);
    }

    @Override
    public Set<Class<? extends LedgerEvent>> eventTypes() {
        return Set.of(NoticeIssued.class);
    }

    @Override
    public void handle(ReceivedEvent event, ProjectionCollections into) {
        handleAll(List.of(event), into);
    }

    /**
     * One bulk write of the batch's notices (the first copy of each in the batch; a stored one stays as it is),
     * then one of the account sets: the order that keeps every listed id backed by its notice.
     */
    @Override
    public void handleAll(List<ReceivedEvent> events, ProjectionCollections into) {
        Map<String, WriteModel<Document>> notices = new LinkedHashMap<>();
        Map<String, Set<String>> noticeIdsByAccount = new LinkedHashMap<>();
        for (ReceivedEvent event : events) {
            if (event.payload() instanceof NoticeIssued issued && !notices.containsKey(issued.noticeId())) {
                notices.put(issued.noticeId(), new UpdateOneModel<>(Filters.eq("_id", issued.noticeId()),
                        new Document("$setOnInsert", toDocument(issued, event)), new UpdateOptions().upsert(true)));
                noticeIdsByAccount.computeIfAbsent(issued.accountId(), id -> new LinkedHashSet<>())
                        .add(issued.noticeId());
            }
        }
        if (notices.isEmpty()) {
            return;
        }
        into.collection(NOTICES).bulkWrite(List.copyOf(notices.values()), new BulkWriteOptions().ordered(false));
        List<WriteModel<Document>> accounts = new ArrayList<>(noticeIdsByAccount.size());
        noticeIdsByAccount.forEach((accountId, noticeIds) -> accounts.add(new UpdateOneModel<>(
                Filters.eq("_id", accountId), Updates.addEachToSet("noticeIds", List.copyOf(noticeIds)),
                new UpdateOptions().upsert(true))));
        into.collection(ACCOUNT_NOTICES).bulkWrite(accounts, new BulkWriteOptions().ordered(false));
    }

    private static Document toDocument(NoticeIssued issued, ReceivedEvent event) {
        return new Document("accountId", issued.accountId())
                .append("type", issued.noticeType())
                .append("channel", issued.channel())
                .append("createdAt", Date.from(event.envelope().time()))
                .append("amountCents", issued.amountCents())
                .append("payByDate", issued.payByDate() == null ? null : issued.payByDate().toString())
                .append("triggerEventId", issued.triggerEventId())
                .append("eventId", event.eventId())
                .append("topic", event.topic())
                .append("partition", event.partition())
                .append("offset", event.offset());
    }

    Optional<IssuedNotice> notice(String noticeId) {
        return Optional.ofNullable(collections.collection(NOTICES).find(Filters.eq("_id", noticeId)).first()).map(NoticeProjection::toView);
    }

    /** All notices of an account, oldest first; empty when the account has none yet. */
    Optional<List<IssuedNotice>> accountNotices(String accountId) {
        Document index = collections.collection(ACCOUNT_NOTICES).find(Filters.eq("_id", accountId)).first();
        if (index == null) {
            return Optional.empty();
        }
        List<String> noticeIds = index.getList("noticeIds", String.class, List.of());
        List<IssuedNotice> views = new ArrayList<>(noticeIds.size());
        for (Document document : collections.collection(NOTICES).find(Filters.in("_id", noticeIds))) {
            views.add(toView(document));
        }
        checkComplete(accountId, noticeIds, views);
        views.sort(OLDEST_FIRST);
        return Optional.of(views);
    }

    /** The write order promises every indexed id its notice, and every notice its own account. */
    private static void checkComplete(String accountId, List<String> noticeIds, List<IssuedNotice> views) {
        if (views.size() != noticeIds.size()) {
            throw new IllegalStateException("account " + accountId + " lists " + noticeIds.size()
                    + " notices but " + views.size() + " are stored");
        }
        for (IssuedNotice view : views) {
            if (!accountId.equals(view.accountId())) {
                throw new IllegalStateException("notice " + view.noticeId() + " is listed under account "
                        + accountId + " but belongs to " + view.accountId());
            }
        }
    }

    private static IssuedNotice toView(Document document) {
        String payByDate = document.getString("payByDate");
        return new IssuedNotice(document.getString("_id"), document.getString("accountId"),
                document.getString("type"), document.getString("channel"),
                document.getDate("createdAt").toInstant(), document.getLong("amountCents"),
                payByDate == null ? null : LocalDate.parse(payByDate), document.getString("triggerEventId"));
    }
}
