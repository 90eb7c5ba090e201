package com.premiumledger.notification.trigger;

import com.premiumledger.events.AccountOpened;
import com.premiumledger.events.BillIssued;
import com.premiumledger.events.PaymentMissed;
import com.premiumledger.events.Topics;
import com.premiumledger.notification.NotificationProperties;
import com.premiumledger.notification.member.MemberDirectory;
import com.premiumledger.notification.notice.NoticeIssuer;
import com.premiumledger.platform.consumer.EventStreamHandler;
import com.premiumledger.platform.consumer.ReceivedEvent;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Billing's events, in account order: the member directory first (so a bill's notice already knows the
 * member's address), then a bill-ready notice per bill and a past-due warning per missed payment.
 * Other billing events (payments applied, days closed) trigger nothing yet.
 */
@Component
class BillingTriggers implements EventStreamHandler {

    private final MemberDirectory members;
    private final NoticeIssuer notices;
    private final NotificationProperties properties;

    BillingTriggers(MemberDirectory members, NoticeIssuer notices, NotificationProperties properties) {
        this.members = members;
        this.notices = notices;
        this.properties = properties;
    }

    @Override
    public String name() {
        return "billing-triggers";
    }

    @Override
    public List<String> topics() {
        return List.of(Topics.BILLING);
    }

    @Override
    public void handle(ReceivedEvent event) {
        if (event.payload() instanceof AccountOpened opened) {
            members.record(opened);
        } else if (event.payload() instanceof BillIssued bill) {
            notices.issue(NoticeTriggers.billReady(bill, event.eventId(),
                    ChannelChoice.forMember(members.find(bill.accountId()))));
        } else if (event.payload() instanceof PaymentMissed missed) {
            notices.issue(NoticeTriggers.pastDueWarning(missed, event.eventId(),
                    ChannelChoice.forMember(members.find(missed.accountId())), properties.pastDuePayWithinDays()));
        }
    }
}
