package com.premiumledger.notification.notice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.premiumledger.notification.NotificationServiceTest;
import java.time.LocalDate;
import java.util.UUID;
import com.premiumledger.platform.command.LedgerCommands.Cause;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The exactly-once mechanism: the store refuses a second stream for the same notice id. */
@NotificationServiceTest
class NoticeIssuerTest {

    @Autowired
    NoticeIssuer issuer;
    @Autowired
    CommandGateway commandGateway;
    @Autowired
    MongoDatabase database;

    static IssueNoticeCommand command(String billId, String eventId) {
        return new IssueNoticeCommand(NoticeIds.billReady(billId), "A-" + billId, NoticeType.BILL_READY,
                NoticeChannel.EMAIL, 20_000, LocalDate.of(2027, 1, 23), eventId);
    }

    @Test
    void theSecondIssueOfANoticeIsRecognisedAsAlreadyIssued() {
        String billId = "B-" + UUID.randomUUID();
        assertThat(issuer.issue(command(billId, "event-1"), new Cause("request-1", "event-1"))).isTrue();
        assertThat(issuer.issue(command(billId, "event-1"), new Cause("request-1", "event-1"))).isFalse();
        assertThat(issuer.issue(command(billId, "event-2"), new Cause("request-1", "event-2"))).isFalse();
        assertThat(database.getCollection("event_commits")
                .countDocuments(Filters.eq("_id", NoticeIds.billReady(billId) + ":0"))).isEqualTo(1);
        assertThat(database.getCollection("event_commits")
                .countDocuments(Filters.eq("_id", NoticeIds.billReady(billId) + ":1"))).isZero();
    }

    @Test
    void theStoreRefusesASecondStreamForTheSameNotice() {
        String billId = "B-" + UUID.randomUUID();
        commandGateway.sendAndWait(command(billId, "event-1"));
        assertThatThrownBy(() -> commandGateway.sendAndWait(command(billId, "event-1")))
                .isInstanceOf(AggregateStreamCreationException.class);
    }
}
