package com.premiumledger.payment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.premiumledger.events.AccountOpened;
import com.premiumledger.events.CreditRefunded;
import com.premiumledger.events.DayClosed;
import com.premiumledger.events.EventEnvelope;
import com.premiumledger.events.EventTypes;
import com.premiumledger.events.LedgerEvent;
import com.premiumledger.events.PaymentAssigned;
import com.premiumledger.events.PaymentRecorded;
import com.premiumledger.events.RefundRejected;
import com.premiumledger.events.RefundReleased;
import com.premiumledger.events.RefundRequested;
import com.premiumledger.events.Topics;
import com.premiumledger.events.UnappliedPaymentReceived;
import com.premiumledger.payment.payment.RecordPaymentCommand;
import com.premiumledger.payment.payment.ReleaseRefundCommand;
import com.premiumledger.payment.payment.RequestRefundCommand;
import com.premiumledger.platform.consumer.EventStreamHandler;
import com.premiumledger.platform.consumer.ReceivedEvent;
import com.premiumledger.platform.eventstore.MongoEventStorageEngine;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.common.Registration;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventhandling.DomainEventMessage;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.ActiveProfiles;

/**
 * Each handler of payment-service fed directly, as the platform hands batches without a gate: a batch, the same
 * batch again (a redelivery), and an old event after newer ones. The second time must change no stored document
 * and send no command again.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.config.name=premium-platform,payment-service")
@ActiveProfiles("local")
class PaymentHandlersRedeliveryTest {

    private static final LocalDate RECEIVED = LocalDate.of(2027, 2, 1);
    private static final AtomicLong OFFSETS = new AtomicLong(1_000_000);

    @Autowired
    ApplicationContext context;
    @Autowired
    MongoDatabase database;
    @Autowired
    CommandGateway commands;
    @Autowired
    MongoEventStorageEngine storage;
    @Autowired
    CommandBus commandBus;

    EventStreamHandler handler(String name) {
        return context.getBeansOfType(EventStreamHandler.class).values().stream()
                .filter(handler -> handler.name().equals(name)).findFirst().orElseThrow();
    }

    static ReceivedEvent received(String topic, String aggregateId, long sequence, LedgerEvent payload) {
        return new ReceivedEvent(new EventEnvelope(aggregateId + "/" + sequence,
                EventTypes.typeOf(payload.getClass()), "/premium-ledger/test", aggregateId, Instant.now(),
                aggregateId, sequence, null, null, payload), topic, 0, OFFSETS.incrementAndGet());
    }

    /** The documents of {@code collection} with these ids, by id, as stored. */
    Map<String, Document> stored(String collection, List<String> ids) {
        Map<String, Document> found = new TreeMap<>();
        for (Document document : database.getCollection(collection).find(Filters.in("_id", ids))) {
            found.put(document.getString("_id"), document);
        }
        return found;
    }

    @Test
    void paymentHistoryFoldsABatchOnceAndIgnoresItsRedeliveryAndOldEvents() {
        String accountId = "A-" + UUID.randomUUID();
        String paid = "P-" + UUID.randomUUID();
        String unmatched = "P-" + UUID.randomUUID();
        ReceivedEvent recorded = received(Topics.PAYMENTS, paid, 0, new PaymentRecorded(paid, accountId, 30_000,
                "ACH", "ONLINE", RECEIVED, null, "1234", null, "k-" + paid, "service"));
        ReceivedEvent refund = received(Topics.PAYMENTS, paid, 1, new RefundRequested("R-" + paid, paid, accountId,
                5_000, "ACH", RECEIVED, "operator"));
        ReceivedEvent arrived = received(Topics.PAYMENTS, unmatched, 0, unapplied(unmatched));
        ReceivedEvent assigned = received(Topics.PAYMENTS, unmatched, 1, new PaymentAssigned(unmatched, accountId,
                10_000, "CHECK", "MAIL", RECEIVED, "operator", "found it"));
        List<ReceivedEvent> batch = List.of(recorded, arrived, refund, assigned);
        EventStreamHandler history = handler("payment-history");

        history.handleAll(batch);
        Map<String, Document> views = stored("payment_views", List.of(paid, unmatched));
        Map<String, Document> accounts = stored("account_payments", List.of(accountId));
        Map<String, Document> refunds = stored("refund_views", List.of("R-" + paid));
        history.handleAll(batch);
        history.handleAll(List.of(assigned, recorded, arrived));
        history.handle(refund);

        assertThat(stored("payment_views", List.of(paid, unmatched))).isEqualTo(views);
        assertThat(stored("account_payments", List.of(accountId))).isEqualTo(accounts);
        assertThat(stored("refund_views", List.of("R-" + paid))).isEqualTo(refunds);
        assertThat(views.get(unmatched).getString("status")).isEqualTo("ASSIGNED");
        assertThat(views.get(paid).getLong("refundRequestedCents")).isEqualTo(5_000);
        assertThat(accounts.get(accountId).getLong("version")).isEqualTo(1);
        assertThat(accounts.get(accountId).getList("payments", Document.class))
                .extracting(payment -> payment.getString("paymentId")).containsExactly(paid, unmatched);
        assertThat(refunds.get("R-" + paid).getLong("amountCents")).isEqualTo(5_000);
    }

    @Test
    void unappliedQueueTakesAPaymentOnceAndNeverBackAfterItLeft() {
        String waiting = "P-" + UUID.randomUUID();
        String leaving = "P-" + UUID.randomUUID();
        ReceivedEvent waitingArrived = received(Topics.PAYMENTS, waiting, 0, unapplied(waiting));
        ReceivedEvent leavingArrived = received(Topics.PAYMENTS, leaving, 0, unapplied(leaving));
        ReceivedEvent assigned = received(Topics.PAYMENTS, leaving, 1, new PaymentAssigned(leaving, "A-1", 10_000,
                "CHECK", "MAIL", RECEIVED, "operator", null));
        List<ReceivedEvent> batch = List.of(waitingArrived, leavingArrived, assigned);
        EventStreamHandler queue = handler("unapplied-queue");

        queue.handleAll(batch);
        Map<String, Document> payments = stored("unapplied_payments", List.of(waiting, leaving));
        List<String> queued = queuedIds();
        queue.handleAll(batch);
        queue.handleAll(List.of(assigned, leavingArrived));
        queue.handle(leavingArrived);

        assertThat(stored("unapplied_payments", List.of(waiting, leaving))).isEqualTo(payments);
        assertThat(queuedIds()).isEqualTo(queued).contains(waiting).doesNotContain(leaving);
        assertThat(payments.get(leaving).getString("status")).isEqualTo("ASSIGNED");
        assertThat(payments.get(waiting).getString("status")).isEqualTo("UNAPPLIED");
    }

    @Test
    void billingFactsRememberOnceAndReleaseARejectedRefundOnce() {
        String accountId = "A-" + UUID.randomUUID();
        String paymentId = "P-" + UUID.randomUUID();
        commands.sendAndWait(new RecordPaymentCommand(paymentId, accountId, 30_000, "ACH", "ONLINE", RECEIVED,
                null, "1234", null, "k-" + paymentId, "service", false));
        commands.sendAndWait(new RequestRefundCommand(paymentId, "R1-" + paymentId, 5_000, RECEIVED, "operator"));
        commands.sendAndWait(new RequestRefundCommand(paymentId, "R2-" + paymentId, 6_000, RECEIVED, "operator"));
        ReceivedEvent opened = received(Topics.BILLING, accountId, 0, new AccountOpened(accountId, "Ada Member",
                "APTC", LocalDate.of(2027, 3, 1), "en", null, "service"));
        ReceivedEvent rejected = received(Topics.BILLING, accountId, 1, new RefundRejected(accountId,
                "R1-" + paymentId, paymentId, 5_000, 0, "no credit"));
        ReceivedEvent refunded = received(Topics.BILLING, accountId, 2, new CreditRefunded(accountId,
                "R2-" + paymentId, paymentId, 6_000, "ACH", RECEIVED, 0));
        ReceivedEvent laterDay = received(Topics.BILLING, DayClosed.STREAM_KEY, 999_999, new DayClosed(
                LocalDate.of(2099, 1, 2), LocalDate.of(2099, 1, 1), "calendar"));
        ReceivedEvent earlierDay = received(Topics.BILLING, DayClosed.STREAM_KEY, 999_998, new DayClosed(
                LocalDate.of(2099, 1, 1), LocalDate.of(2098, 12, 31), "calendar"));
        List<ReceivedEvent> batch = List.of(opened, rejected, refunded, earlierDay, laterDay);
        EventStreamHandler facts = handler("billing-facts");
        List<String> refundIds = List.of("R1-" + paymentId, "R2-" + paymentId);
        // The live payment history opens both refund views from the requests; let it finish first.
        await().atMost(Duration.ofSeconds(30)).until(() -> stored("refund_views", refundIds).values().stream()
                .filter(view -> view.getString("requestedBy") != null).count() == 2);

        List<ReleaseRefundCommand> releaseCommands = new CopyOnWriteArrayList<>();
        Registration counting = commandBus.registerDispatchInterceptor(messages -> (index, message) -> {
            if (message.getPayload() instanceof ReleaseRefundCommand release && release.paymentId().equals(paymentId)) {
                releaseCommands.add(release);
            }
            return message;
        });
        Map<String, Document> accounts;
        Map<String, Document> refunds;
        Map<String, Document> calendar;
        try {
            facts.handleAll(batch);
            accounts = stored("known_accounts", List.of(accountId));
            refunds = stored("refund_views", refundIds);
            calendar = stored("business_calendar", List.of(DayClosed.STREAM_KEY));
            facts.handleAll(batch);
            facts.handleAll(List.of(refunded, earlierDay, opened, rejected));
            facts.handle(rejected);
        } finally {
            counting.cancel();
        }

        assertThat(stored("known_accounts", List.of(accountId))).isEqualTo(accounts);
        assertThat(stored("refund_views", refundIds)).isEqualTo(refunds);
        assertThat(stored("business_calendar", List.of(DayClosed.STREAM_KEY))).isEqualTo(calendar);
        assertThat(calendar.get(DayClosed.STREAM_KEY).getString("businessDate")).isEqualTo("2099-01-02");
        assertThat(refunds.get("R1-" + paymentId).getString("status")).isEqualTo("REJECTED");
        assertThat(refunds.get("R2-" + paymentId).getString("status")).isEqualTo("REFUNDED");
        assertThat(releases(paymentId)).containsExactly("R1-" + paymentId);
        assertThat(releaseCommands).hasSize(1);
    }

    private List<String> releases(String paymentId) {
        List<String> released = new ArrayList<>();
        storage.readEvents(paymentId).asStream().map(DomainEventMessage::getPayload)
                .filter(RefundReleased.class::isInstance)
                .forEach(payload -> released.add(((RefundReleased) payload).refundId()));
        return released;
    }

    private static UnappliedPaymentReceived unapplied(String paymentId) {
        return new UnappliedPaymentReceived(paymentId, "Q-1", 10_000, "CHECK", "MAIL", RECEIVED, null, null,
                "check 42", "k-" + paymentId, "service");
    }

    private List<String> queuedIds() {
        Document queue = database.getCollection("unapplied_queue").find(Filters.eq("_id", "unapplied")).first();
        return queue == null ? List.of() : queue.getList("paymentIds", String.class);
    }
}
