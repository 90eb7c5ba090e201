package com.premiumledger.notification.trigger;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Sorts;
import com.premiumledger.events.LedgerEvent;
import com.premiumledger.notification.NotificationProperties;
import com.premiumledger.notification.account.AccountStates;
import com.premiumledger.notification.account.TestStores;
import com.premiumledger.notification.member.MemberDirectory;
import com.premiumledger.notification.member.TestDirectory;
import com.premiumledger.notification.notice.TestNotices;
import com.premiumledger.notification.testing.CountingMongo;
import com.premiumledger.platform.consumer.ReceivedEvent;
import com.premiumledger.platform.testing.TestEvents;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bson.Document;

/**
 * The three triggers on a database of their own (their own calendar, so days can close without touching the
 * shared context's), with an issuer that records the commands sent, and the store round trips counted.
 */
final class TriggerFixture implements AutoCloseable {

    static final List<String> COLLECTIONS = List.of("notice_accounts", "notice_calendar", "notice_wakeups",
            "notice_facts", "members");

    final CountingMongo mongo;
    final TestNotices notices;
    final BillingTriggers billing;
    final CoverageTriggers coverage;
    final PaymentTriggers payments;

    TriggerFixture(String connectionString, NotificationProperties properties) {
        this.mongo = new CountingMongo(connectionString);
        MongoDatabase database = mongo.database();
        this.notices = new TestNotices(properties);
        AccountStates states = TestStores.states(database, properties);
        MemberDirectory members = TestDirectory.on(database, properties);
        NoticeDesk desk = new NoticeDesk(notices.issuer(), TestNotices.facts(database), members, states,
                TestStores.calendar(database), TestStores.wakeups(database, properties), properties);
        this.billing = new BillingTriggers(members, states, desk, properties);
        this.coverage = new CoverageTriggers(states, desk);
        this.payments = new PaymentTriggers(desk, properties);
    }

    static ReceivedEvent received(String topic, String aggregateId, long sequence, LedgerEvent payload) {
        return new ReceivedEvent(TestEvents.envelope(aggregateId, sequence, payload), topic, 0, sequence);
    }

    /** Every document the triggers keep, by collection, in {@code _id} order. */
    Map<String, List<Document>> stored() {
        Map<String, List<Document>> stored = new LinkedHashMap<>();
        for (String collection : COLLECTIONS) {
            stored.put(collection, mongo.database().getCollection(collection).find().sort(Sorts.ascending("_id"))
                    .into(new ArrayList<>()));
        }
        return stored;
    }

    @Override
    public void close() {
        mongo.close();
    }
}
