package com.premiumledger.notification.history;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.premiumledger.events.EventEnvelope;
import com.premiumledger.events.EventTypes;
import com.premiumledger.events.NoticeIssued;
import com.premiumledger.events.Topics;
import com.premiumledger.notification.NotificationServiceTest;
import com.premiumledger.platform.consumer.ReceivedEvent;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The crash window: the same NoticeIssued handled twice (at another offset, as a republish) changes nothing. */
@NotificationServiceTest
class NoticeProjectionTest {

    @Autowired
    NoticeProjection projection;
    @Autowired
    MongoDatabase database;

    static ReceivedEvent received(NoticeIssued issued, String eventId, long offset) {
        return new ReceivedEvent(new EventEnvelope(eventId, EventTypes.typeOf(NoticeIssued.class), "/test",
                issued.accountId(), Instant.parse("2027-01-02T03:04:05Z"), issued.noticeId(), 0, null, null, issued),
                Topics.NOTICES, 2, offset);
    }

    @Test
    void handlingTheSameNoticeTwiceKeepsOneCopyAndItsFirstPosition() {
        String accountId = "H-" + UUID.randomUUID();
        NoticeIssued issued = new NoticeIssued("PAYMENT_RECEIVED:P-" + accountId, accountId, "PAYMENT_RECEIVED",
                "LETTER", 15_000, null, "trigger-1");
        NoticeIssued other = new NoticeIssued("BILL_READY:B-" + accountId, accountId, "BILL_READY", "LETTER", 9_000,
                LocalDate.of(2027, 2, 23), "trigger-2");
        projection.handle(received(issued, "event-1", 41));
        projection.handle(received(issued, "event-1", 97));
        projection.handle(received(other, "event-2", 42));

        Document stored = database.getCollection(NoticeProjection.NOTICES)
                .find(Filters.eq("_id", issued.noticeId())).first();
        assertThat(stored.getLong("offset")).isEqualTo(41);
        assertThat(stored.getString("eventId")).isEqualTo("event-1");
        assertThat(stored.getString("topic")).isEqualTo(Topics.NOTICES);
        assertThat(stored.getInteger("partition")).isEqualTo(2);
        Document index = database.getCollection(NoticeProjection.ACCOUNT_NOTICES)
                .find(Filters.eq("_id", accountId)).first();
        assertThat(index.getList("noticeIds", String.class)).containsExactlyInAnyOrder(issued.noticeId(),
                other.noticeId());

        List<IssuedNotice> views = projection.accountNotices(accountId).orElseThrow();
        assertThat(views).extracting(IssuedNotice::noticeId).containsExactly(other.noticeId(), issued.noticeId());
        assertThat(views.get(1)).isEqualTo(new IssuedNotice(issued.noticeId(), accountId, "PAYMENT_RECEIVED",
                "LETTER", Instant.parse("2027-01-02T03:04:05Z"), 15_000, null, "trigger-1"));
    }
}
