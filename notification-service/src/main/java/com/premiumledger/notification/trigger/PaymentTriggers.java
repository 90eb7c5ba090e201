package com.premiumledger.notification.trigger;

import com.premiumledger.events.PaymentAssigned;
import com.premiumledger.events.PaymentRecorded;
import com.premiumledger.events.PaymentReversed;
import com.premiumledger.events.Topics;
import com.premiumledger.notification.NotificationProperties;
import com.premiumledger.platform.consumer.EventStreamHandler;
import com.premiumledger.platform.consumer.ReceivedEvent;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * A payment-received notice per payment recorded for an account (or assigned to one later), and a
 * payment-returned notice per reversal of an applied payment. Unordered: each payment stands alone, and the
 * notice id (from the payment id) already makes a repeated payment event harmless.
 */
@Component
class PaymentTriggers implements EventStreamHandler {

    private final NoticeDesk desk;
    private final NotificationProperties properties;

    PaymentTriggers(NoticeDesk desk, NotificationProperties properties) {
        this.desk = desk;
        this.properties = properties;
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
            desk.issue(NoticeTriggers.paymentReceived(payment.paymentId(), payment.accountId(), payment.amountCents(),
                    payment.receivedDate(), payment.method(), event.eventId(), desk.channelFor(payment.accountId())));
        } else if (event.payload() instanceof PaymentAssigned assigned) {
            desk.issue(NoticeTriggers.paymentReceived(assigned.paymentId(), assigned.accountId(),
                    assigned.amountCents(), assigned.receivedDate(), assigned.method(), event.eventId(),
                    desk.channelFor(assigned.accountId())));
        } else if (event.payload() instanceof PaymentReversed reversed && reversed.accountId() != null) {
            desk.issue(NoticeTriggers.paymentReturned(reversed, event.eventId(),
                    desk.channelFor(reversed.accountId()), properties.payWithinDays()));
        }
    }
}
