package com.premiumledger.notification.trigger;

import com.premiumledger.events.PaymentRecorded;
import com.premiumledger.events.Topics;
import com.premiumledger.notification.member.MemberDirectory;
import com.premiumledger.notification.notice.NoticeIssuer;
import com.premiumledger.platform.consumer.EventStreamHandler;
import com.premiumledger.platform.consumer.ReceivedEvent;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * A payment-received notice per recorded payment. Unordered: each payment stands alone, and the notice id
 * (from the payment id) already makes a repeated payment event harmless.
 */
@Component
class PaymentTriggers implements EventStreamHandler {

    private final MemberDirectory members;
    private final NoticeIssuer notices;

    PaymentTriggers(MemberDirectory members, NoticeIssuer notices) {
        this.members = members;
        this.notices = notices;
    }

    @Override
    public String name() {
        return "payment-triggers";
    }

    @Override
    public List<String> topics() {
        return List.of(Topics.PAYMENTS);
    }

    @Override
    public boolean ordered() {
        return false;
    }

    @Override
    public void handle(ReceivedEvent event) {
        if (event.payload() instanceof PaymentRecorded payment) {
            notices.issue(NoticeTriggers.paymentReceived(payment, event.eventId(),
                    ChannelChoice.forMember(members.find(payment.accountId()))));
        }
    }
}
