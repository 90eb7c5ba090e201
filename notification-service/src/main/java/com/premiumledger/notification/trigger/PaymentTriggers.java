package com.premiumledger.notification.trigger;

import com.premiumledger.events.LedgerEvent;
import com.premiumledger.events.PaymentAssigned;
import com.premiumledger.events.PaymentRecorded;
import com.premiumledger.events.PaymentReversed;
import com.premiumledger.events.Topics;
import com.premiumledger.notification.NotificationProperties;
import com.premiumledger.notification.member.Member;
import com.premiumledger.notification.notice.NoticeChannel;
import com.premiumledger.platform.consumer.EventStreamHandler;
import com.premiumledger.platform.consumer.ReceivedEvent;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * A payment-received notice per payment recorded for an account (or assigned to one later), and a
 * payment-returned notice per reversal of an applied payment. Each payment stands alone and keeps no state here.
 *
 * <p>Guard: the notice id, derived from the payment id. A payment event seen again asks for the same notice,
 * which the Notice aggregate refuses to create twice, so it changes nothing and nothing is delivered again.
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
    public Set<Class<? extends LedgerEvent>> eventTypes() {
        return Set.of(PaymentRecorded.class, PaymentAssigned.class, PaymentReversed.class);
    }

    @Override
    public void handle(ReceivedEvent event) {
        handleAll(List.of(event));
    }

    /** The batch's notices: members in one read, facts in one write, then one issue per notice. */
    @Override
    public void handleAll(List<ReceivedEvent> events) {
        Set<String> accountIds = new LinkedHashSet<>();
        for (ReceivedEvent event : events) {
            accountId(event.payload()).ifPresent(accountIds::add);
        }
        if (accountIds.isEmpty()) {
            return;
        }
        Map<String, Member> members = desk.members(accountIds);
        List<NoticeDecision> decisions = new ArrayList<>(events.size());
        for (ReceivedEvent event : events) {
            decide(event, members).ifPresent(decisions::add);
        }
        desk.issueAll(decisions, NoticeDesk.causes(events));
    }

    private Optional<NoticeDecision> decide(ReceivedEvent event, Map<String, Member> members) {
        if (event.payload() instanceof PaymentRecorded payment) {
            return Optional.of(NoticeTriggers.paymentReceived(payment.paymentId(), payment.accountId(),
                    payment.amountCents(), payment.receivedDate(), payment.method(), event.eventId(),
                    channel(members, payment.accountId())));
        }
        if (event.payload() instanceof PaymentAssigned assigned) {
            return Optional.of(NoticeTriggers.paymentReceived(assigned.paymentId(), assigned.accountId(),
                    assigned.amountCents(), assigned.receivedDate(), assigned.method(), event.eventId(),
                    channel(members, assigned.accountId())));
        }
        if (event.payload() instanceof PaymentReversed reversed && reversed.accountId() != null) {
            return Optional.of(NoticeTriggers.paymentReturned(reversed, event.eventId(),
                    channel(members, reversed.accountId()), properties.payWithinDays()));
        }
        return Optional.empty();
    }

    /** The account a payment event names; a reversal of a payment never applied to an account names none. */
    private static Optional<String> accountId(LedgerEvent payload) {
        if (payload instanceof PaymentRecorded payment) {
            return Optional.ofNullable(payment.accountId());
        }
        if (payload instanceof PaymentAssigned assigned) {
            return Optional.ofNullable(assigned.accountId());
        }
        if (payload instanceof PaymentReversed reversed) {
            return Optional.ofNullable(reversed.accountId());
        }
        return Optional.empty();
    }

    private static NoticeChannel channel(Map<String, Member> members, String accountId) {
        return ChannelChoice.forMember(Optional.ofNullable(members.get(accountId)));
    }
}
