package com.premiumledger.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.premiumledger.events.Topics;
import com.premiumledger.platform.embedded.EmbeddedKafkaBroker;
import com.premiumledger.platform.embedded.EmbeddedMongoServer;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupListing;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

/**
 * Issue 5's done criterion on the deployed system: issue 4's APTC example driven only through the services'
 * HTTP APIs and the business calendar, with notification-service sending to the local stack's inbox (real SMTP,
 * the HTTP SMS gateway). Coverage from 2027-01-01; each month $500 less $300 APTC, $200 due on the 23rd of the
 * month before; January's binder paid on 2026-12-20 (its due-soon reminder went out when 2026-12-20 closed, while
 * it was still open); February never paid by the first member, who is in grace from 2027-02-01 to 04-30,
 * suspended on 03-01, warned 30 and 10 days before the grace end and terminated on 05-01 effective 02-28; the
 * second member (Spanish) pays February and March on 03-15 and is reinstated, then pays April. A third member
 * wants SMS. Each step waits until its notices were sent, because the expected order is the order of the
 * business days. Then notification-service is stopped, its consumers are reset to offset 0, its notice history
 * projection is dropped, and it is started again: the history comes back the same and nothing is sent again.
 *
 * <p>Runs on its own broker and store (not the JVM-wide embedded ones): the business calendar is one per system,
 * and this test moves it to 2027-05-01.
 */
class NoticeLadderEndToEndTest {

    private static final Duration PATIENCE = Duration.ofSeconds(60);
    private static final String NOTIFICATION_GROUPS = "notification-service.";

    /** One notice as {@code GET /accounts/{id}/notices} must list it, delivered. */
    record Expected(String noticeId, String type, long amountCents, String payByDate) {
    }

    private final Http http = new Http();
    private RunningSystem system;
    private LocalInbox inbox;

    @Test
    void theAptcExampleSendsEachNoticeOnceAndARebuildSendsNothing() throws Exception {
        EmbeddedKafkaBroker kafka = EmbeddedKafkaBroker.start(Files.createTempDirectory("notices-kafka"), 0, 2);
        try (EmbeddedMongoServer mongo = EmbeddedMongoServer.start(null, 0);
             LocalInbox startedInbox = LocalInbox.start(0, 0, LocalInbox.Limits.DEFAULT);
             RunningSystem started = RunningSystem.start(Map.of(
                     "spring.kafka.bootstrap-servers", kafka.bootstrapServers(),
                     "spring.data.mongodb.uri", mongo.connectionString(),
                     "premium.consumer.partitions", "2",
                     "spring.mail.host", "127.0.0.1",
                     "spring.mail.port", Integer.toString(startedInbox.smtpPort()),
                     "premium.notification.sms.gateway-url", startedInbox.smsGatewayUrl()))) {
            system = started;
            inbox = startedInbox;
            String run = UUID.randomUUID().toString().substring(0, 6).toUpperCase();
            Ladder ladder = runTheExample("LAD-U" + run, "LAD-R" + run, "LAD-S" + run);
            assertEmails(ladder);
            rebuildSendsNothing(kafka.bootstrapServers(), mongo.connectionString(), ladder);
        } finally {
            kafka.close();
        }
    }

    /** The accounts and the notices each must have, in order. */
    record Ladder(String unpaid, String reinstated, String sms, Map<String, List<Expected>> notices) {
    }

    private Ladder runTheExample(String unpaid, String reinstated, String sms) {
        List<String> ladder = List.of(unpaid, reinstated);
        Map<String, List<Expected>> expected = new LinkedHashMap<>();
        ladder.forEach(account -> expected.put(account, new ArrayList<>()));
        expected.put(sms, new ArrayList<>());

        // Enrolment: January and February billed before any day closed.
        open(unpaid, "en", Map.of("email", email(unpaid)));
        open(reinstated, "es", Map.of("email", email(reinstated)));
        open(sms, "en", Map.of("phone", "+16175550142", "noticePreference", "SMS"));
        for (String account : ladder) {
            issueBill(account, "2027-01");
            issueBill(account, "2027-02");
            expected.get(account).add(billReady(account, "2027-01", "2026-12-23"));
            expected.get(account).add(billReady(account, "2027-02", "2027-01-23"));
        }
        issueBill(sms, "2027-01");
        expected.get(sms).add(billReady(sms, "2027-01", "2026-12-23"));
        expectNotices(expected);

        // 2026-12-20: January is due in three days and still open; then it is paid.
        closeDay("2026-12-20");
        expected.keySet().forEach(account -> expected.get(account).add(dueSoon(account, "2027-01", "2026-12-23")));
        expectNotices(expected);
        for (String account : ladder) {
            String paymentId = pay(account, 20_000, "2026-12-20");
            expected.get(account).add(new Expected("PAYMENT_RECEIVED:" + paymentId, "PAYMENT_RECEIVED", 20_000, null));
        }
        expectNotices(expected);
        ladder.forEach(account -> awaitCoverage(account, "ACTIVE"));

        // 2027-01-16: February is due in seven days.
        closeDay("2027-01-16");
        ladder.forEach(account -> expected.get(account).add(dueSoon(account, "2027-02", "2027-01-23")));
        expectNotices(expected);

        // 2027-01-24: February missed; grace 2027-02-01 to 04-30.
        closeDay("2027-01-24");
        for (String account : ladder) {
            Map<String, Object> coverage = awaitCoverage(account, "GRACE");
            assertThat(coverage).containsEntry("graceStart", "2027-02-01").containsEntry("graceEnd", "2027-04-30");
            expected.get(account).add(new Expected("PAST_DUE_WARNING:" + account + ":2027-02-01", "PAST_DUE_WARNING",
                    20_000, "2027-04-30"));
        }
        expectNotices(expected);

        // Bills keep coming during grace: March, reminded on 02-16.
        for (String account : ladder) {
            issueBill(account, "2027-03");
            expected.get(account).add(billReady(account, "2027-03", "2027-02-23"));
        }
        expectNotices(expected);
        closeDay("2027-02-16");
        ladder.forEach(account -> expected.get(account).add(dueSoon(account, "2027-03", "2027-02-23")));
        expectNotices(expected);

        // 2027-03-01: grace month 2, suspended, with February and March past due. April is billed.
        closeDay("2027-03-01");
        for (String account : ladder) {
            awaitCoverage(account, "SUSPENDED");
            expected.get(account).add(new Expected("SUSPENSION:" + account + ":2027-02-01", "SUSPENSION", 40_000,
                    "2027-04-30"));
            issueBill(account, "2027-04");
            expected.get(account).add(billReady(account, "2027-04", "2027-03-23"));
        }
        expectNotices(expected);

        // 2027-03-15: the second member pays February and March in full and is ACTIVE again; April is still open.
        closeDay("2027-03-15");
        String paidBoth = pay(reinstated, 40_000, "2027-03-15");
        assertThat(awaitCoverage(reinstated, "ACTIVE")).containsEntry("since", "2027-03-15");
        expected.get(reinstated).add(new Expected("PAYMENT_RECEIVED:" + paidBoth, "PAYMENT_RECEIVED", 40_000, null));
        expected.get(reinstated).add(new Expected("REINSTATEMENT:" + reinstated + ":2027-03-15", "REINSTATEMENT",
                20_000, null));
        expectNotices(expected);

        // 2027-03-16: April is due in seven days, for both; the second member pays it on 03-20.
        closeDay("2027-03-20");
        ladder.forEach(account -> expected.get(account).add(dueSoon(account, "2027-04", "2027-03-23")));
        expectNotices(expected);
        String paidApril = pay(reinstated, 20_000, "2027-03-20");
        expected.get(reinstated).add(new Expected("PAYMENT_RECEIVED:" + paidApril, "PAYMENT_RECEIVED", 20_000, null));
        expectNotices(expected);

        // The first member: warned 30 and 10 days before the grace end ($600 past due by then), then terminated.
        closeDay("2027-03-31");
        expected.get(unpaid).add(new Expected("TERMINATION_WARNING:" + unpaid + ":2027-02-01:30d",
                "TERMINATION_WARNING", 60_000, "2027-04-30"));
        expectNotices(expected);
        closeDay("2027-04-20");
        expected.get(unpaid).add(new Expected("TERMINATION_WARNING:" + unpaid + ":2027-02-01:10d",
                "TERMINATION_WARNING", 60_000, "2027-04-30"));
        expectNotices(expected);
        closeDay("2027-05-01");
        assertThat(awaitCoverage(unpaid, "TERMINATED")).containsEntry("terminationEffectiveDate", "2027-02-28");
        expected.get(unpaid).add(new Expected("TERMINATION:" + unpaid + ":2027-02-28", "TERMINATION", 60_000, null));
        expectNotices(expected);
        assertThat(coverage(reinstated)).containsEntry("status", "ACTIVE");
        return new Ladder(unpaid, reinstated, sms, expected);
    }

    /** Exactly one email (or SMS) per notice, named by its notice id, with the amounts and dates in the text. */
    private void assertEmails(Ladder ladder) {
        for (String account : List.of(ladder.unpaid(), ladder.reinstated())) {
            List<LocalInbox.Mail> mails = inbox.mails(email(account));
            assertThat(mails).extracting(LocalInbox.Mail::noticeId).containsExactlyInAnyOrderElementsOf(
                    ladder.notices().get(account).stream().map(Expected::noticeId).toList());
            assertThat(mails).extracting(LocalInbox.Mail::messageId).doesNotHaveDuplicates()
                    .allSatisfy(id -> assertThat(id).endsWith("@notices.premium-ledger.example>"));
            assertThat(mails).allSatisfy(mail -> assertThat(mail.from()).isEqualTo("notices@premium-ledger.example"));
        }
        String unpaid = ladder.unpaid();
        assertThat(text(unpaid, "PAYMENT_DUE_SOON:" + unpaid + "-2027-02")).contains("Account number: " + unpaid)
                .contains("Amount to pay: $200.00").contains("Pay by: January 23, 2027");
        assertThat(text(unpaid, "PAST_DUE_WARNING:" + unpaid + ":2027-02-01")).contains("Amount to pay: $200.00")
                .contains("Pay by: April 30, 2027").contains("runs from February 1, 2027 to April 30, 2027");
        assertThat(text(unpaid, "SUSPENSION:" + unpaid + ":2027-02-01")).contains("Amount to pay: $400.00")
                .contains("from March 1, 2027").contains("Pay by: April 30, 2027");
        assertThat(text(unpaid, "TERMINATION_WARNING:" + unpaid + ":2027-02-01:30d"))
                .contains("Amount to pay: $600.00").contains("ends on April 30, 2027, in 30 days");
        assertThat(text(unpaid, "TERMINATION_WARNING:" + unpaid + ":2027-02-01:10d"))
                .contains("Amount to pay: $600.00").contains("in 10 days");
        assertThat(text(unpaid, "TERMINATION:" + unpaid + ":2027-02-28"))
                .contains("Your coverage ended on February 28, 2027").contains("$600.00");
        assertThat(mail(unpaid, "BILL_READY:" + unpaid + "-2027-03").subject())
                .isEqualTo("Your premium bill for 2027-03 is ready");

        String reinstated = ladder.reinstated();
        assertThat(text(reinstated, "PAST_DUE_WARNING:" + reinstated + ":2027-02-01"))
                .contains("Número de cuenta: " + reinstated).contains("Monto a pagar: $200.00")
                .contains("Pagar a más tardar: 30 de abril de 2027");
        assertThat(text(reinstated, "SUSPENSION:" + reinstated + ":2027-02-01")).contains("Monto a pagar: $400.00");
        assertThat(text(reinstated, "REINSTATEMENT:" + reinstated + ":2027-03-15"))
                .contains("activa de nuevo desde el 15 de marzo de 2027");
        String paidBoth = ladder.notices().get(reinstated).stream()
                .filter(notice -> notice.amountCents() == 40_000 && notice.type().equals("PAYMENT_RECEIVED"))
                .findFirst().orElseThrow().noticeId();
        assertThat(text(reinstated, paidBoth)).contains("$400.00").contains("15 de marzo de 2027");

        List<LocalInbox.Sms> texts = inbox.sms("+16175550142");
        assertThat(texts).extracting(LocalInbox.Sms::idempotencyKey).containsExactlyInAnyOrderElementsOf(
                ladder.notices().get(ladder.sms()).stream().map(Expected::noticeId).toList());
        assertThat(texts).allSatisfy(text -> assertThat(text.body()).contains("$200.00"));
        assertThat(inbox.mails(null)).noneMatch(mail -> mail.to().contains(ladder.sms().toLowerCase()));
    }

    /**
     * Redelivery and rebuild: notification-service stopped, every one of its consumer groups set back to offset 0,
     * its notice history (and that projection's dedupe state) dropped, and the service started again. Once it has
     * consumed every topic to the end, the history is what it was and no notice, email or SMS was added.
     */
    private void rebuildSendsNothing(String bootstrapServers, String mongoUri, Ladder ladder) throws Exception {
        Map<String, Object> before = new LinkedHashMap<>();
        ladder.notices().keySet().forEach(account -> before.put(account, noticeList(account)));
        int mailsBefore = inbox.mails(null).size();
        int smsBefore = inbox.sms(null).size();
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers));
             MongoClient mongo = MongoClients.create(mongoUri)) {
            long noticeEventsBefore = records(admin, Topics.NOTICES);
            assertThat(noticeEventsBefore).as("one NoticeIssued per notice")
                    .isEqualTo(ladder.notices().values().stream().mapToLong(List::size).sum());

            system.stop(RunningSystem.NOTIFICATION);
            Map<String, Set<TopicPartition>> groups = notificationGroups(admin);
            assertThat(groups.keySet()).contains(NOTIFICATION_GROUPS + "events");
            // The group may take a moment to be empty after its members left.
            await().atMost(PATIENCE).ignoreExceptions().untilAsserted(() -> groups.forEach((group, partitions) ->
                    get(admin.alterConsumerGroupOffsets(group, partitions.stream().collect(Collectors.toMap(
                            partition -> partition, partition -> new OffsetAndMetadata(0)))).all())));
            groups.forEach((group, partitions) -> assertThat(committed(admin, group, partitions).values())
                    .as(group).containsOnly(0L));
            MongoDatabase notification = mongo.getDatabase("notification");
            assertThat(notification.getCollection("notices").deleteMany(Filters.empty()).getDeletedCount())
                    .isEqualTo(noticeEventsBefore);
            notification.getCollection("account_notices").deleteMany(Filters.empty());

            system.restart(RunningSystem.NOTIFICATION);
            await().atMost(PATIENCE).untilAsserted(() -> groups.forEach((group, partitions) ->
                    assertThat(committed(admin, group, partitions)).as(group)
                            .isEqualTo(endOffsets(admin, partitions))));

            await().during(Duration.ofSeconds(2)).atMost(PATIENCE).untilAsserted(() -> {
                before.forEach((account, notices) -> assertThat(noticeList(account)).isEqualTo(notices));
                assertThat(inbox.mails(null)).hasSize(mailsBefore);
                assertThat(inbox.sms(null)).hasSize(smsBefore);
                assertThat(records(admin, Topics.NOTICES)).isEqualTo(noticeEventsBefore);
            });
        }
    }

    private static Map<String, Set<TopicPartition>> notificationGroups(Admin admin) {
        Map<String, Set<TopicPartition>> groups = new HashMap<>();
        for (ConsumerGroupListing listing : get(admin.listConsumerGroups().all())) {
            if (listing.groupId().startsWith(NOTIFICATION_GROUPS)) {
                Set<String> topics = get(admin.listConsumerGroupOffsets(listing.groupId())
                        .partitionsToOffsetAndMetadata()).keySet().stream().map(TopicPartition::topic)
                        .collect(Collectors.toSet());
                groups.put(listing.groupId(), partitionsOf(admin, topics));
            }
        }
        return groups;
    }

    private static Map<TopicPartition, Long> committed(Admin admin, String group, Set<TopicPartition> partitions) {
        Map<TopicPartition, OffsetAndMetadata> offsets = get(admin.listConsumerGroupOffsets(group)
                .partitionsToOffsetAndMetadata());
        Map<TopicPartition, Long> committed = new HashMap<>();
        partitions.forEach(partition -> committed.put(partition,
                offsets.get(partition) == null ? 0L : offsets.get(partition).offset()));
        return committed;
    }

    private static Set<TopicPartition> partitionsOf(Admin admin, Set<String> topics) {
        Set<TopicPartition> partitions = new HashSet<>();
        get(admin.describeTopics(topics).allTopicNames()).forEach((topic, description) ->
                description.partitions().forEach(partition ->
                        partitions.add(new TopicPartition(topic, partition.partition()))));
        return partitions;
    }

    private static Map<TopicPartition, Long> endOffsets(Admin admin, Set<TopicPartition> partitions) {
        Map<TopicPartition, OffsetSpec> request = new HashMap<>();
        partitions.forEach(partition -> request.put(partition, OffsetSpec.latest()));
        Map<TopicPartition, Long> ends = new HashMap<>();
        get(admin.listOffsets(request).all()).forEach((partition, info) -> ends.put(partition, info.offset()));
        return ends;
    }

    private static long records(Admin admin, String topic) {
        return endOffsets(admin, partitionsOf(admin, Set.of(topic))).values().stream().mapToLong(Long::longValue)
                .sum();
    }

    private static <T> T get(org.apache.kafka.common.KafkaFuture<T> future) {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        }
    }

    private static String email(String accountId) {
        return accountId.toLowerCase() + "@example.org";
    }

    private static Expected billReady(String account, String month, String dueDate) {
        return new Expected("BILL_READY:" + account + "-" + month, "BILL_READY", 20_000, dueDate);
    }

    private static Expected dueSoon(String account, String month, String dueDate) {
        return new Expected("PAYMENT_DUE_SOON:" + account + "-" + month, "PAYMENT_DUE_SOON", 20_000, dueDate);
    }

    private void open(String accountId, String language, Map<String, String> contact) {
        Map<String, Object> body = new HashMap<>(Map.of("accountId", accountId, "holderName", "Member " + accountId,
                "program", "APTC", "coverageStart", "2027-01-01", "language", language));
        body.putAll(contact);
        Http.Response response = http.post(Http.SERVICE, system.billing() + "/accounts", body);
        assertThat(response.status()).as("open %s: %s", accountId, response.body()).isEqualTo(201);
    }

    private void issueBill(String accountId, String coverageMonth) {
        Http.Response response = http.post(Http.SERVICE, system.billing() + "/accounts/" + accountId + "/bills",
                Map.of("coverageMonth", coverageMonth, "grossPremiumCents", 50_000, "subsidyCents", 30_000));
        assertThat(response.status()).as("bill %s %s: %s", accountId, coverageMonth, response.body()).isEqualTo(201);
        assertThat(response.body()).containsEntry("billId", accountId + "-" + coverageMonth);
    }

    private void closeDay(String date) {
        Http.Response response = http.post(Http.OPERATOR, system.billing() + "/calendar/days/" + date + "/close", null);
        assertThat(response.status()).as("close %s: %s", date, response.body()).isEqualTo(200);
        assertThat(response.body()).containsEntry("businessDate", date);
    }

    /**
     * A payment received on {@code receivedDate}; payment-service learns the business date from billing's
     * calendar, so until it has, the date is refused as in the future (nothing recorded) and the same request
     * goes again.
     */
    private String pay(String accountId, long amountCents, String receivedDate) {
        String key = "ladder-" + UUID.randomUUID();
        Map<String, Object> body = Map.of("accountId", accountId, "amountCents", amountCents, "method", "ACH",
                "channel", "ONLINE", "bankAccountLastFour", "6789", "receivedDate", receivedDate);
        Http.Response[] created = new Http.Response[1];
        await().atMost(PATIENCE).untilAsserted(() -> {
            Http.Response response = http.post(Http.SERVICE, system.payment() + "/payments", body,
                    Map.of("Idempotency-Key", key));
            assertThat(response.status()).as("pay %s: %s", accountId, response.body()).isEqualTo(201);
            created[0] = response;
        });
        return (String) created[0].body().get("paymentId");
    }

    private Map<String, Object> coverage(String accountId) {
        Http.Response response = http.get(Http.AUDITOR, system.coverage() + "/accounts/" + accountId + "/coverage");
        return response.status() == 200 ? response.body() : Map.of("status", "HTTP " + response.status());
    }

    private Map<String, Object> awaitCoverage(String accountId, String status) {
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(coverage(accountId).get("status"))
                .as("coverage of %s", accountId).isEqualTo(status));
        return coverage(accountId);
    }

    private List<Map<String, Object>> noticeList(String accountId) {
        Http.Response response = http.get(Http.AUDITOR,
                system.notification() + "/accounts/" + accountId + "/notices?limit=500");
        return response.status() == 200 ? Http.list(response.body(), "notices") : List.of();
    }

    /** Waits until every account has exactly its expected notices, in this order, each sent. */
    private void expectNotices(Map<String, List<Expected>> expected) {
        expected.forEach((account, notices) -> await().atMost(PATIENCE).untilAsserted(() -> {
            List<Map<String, Object>> listed = noticeList(account);
            assertThat(listed).extracting(notice -> new Expected((String) notice.get("noticeId"),
                    (String) notice.get("type"), ((Number) notice.get("amountCents")).longValue(),
                    (String) notice.get("payByDate"))).as("notices of %s", account).containsExactlyElementsOf(notices);
            assertThat(listed).allSatisfy(notice -> {
                assertThat(notice.get("status")).as("%s", notice.get("noticeId")).isEqualTo("SENT");
                assertThat(notice.get("channel")).isEqualTo(account.startsWith("LAD-S") ? "SMS" : "EMAIL");
            });
        }));
    }

    private LocalInbox.Mail mail(String accountId, String noticeId) {
        return inbox.mails(email(accountId)).stream().filter(mail -> noticeId.equals(mail.noticeId())).findFirst()
                .orElseThrow(() -> new AssertionError("no email for notice " + noticeId));
    }

    private String text(String accountId, String noticeId) {
        return mail(accountId, noticeId).text();
    }
}
