package com.premiumledger.notification.delivery;

import com.premiumledger.events.MailingAddress;
import com.premiumledger.events.NoticeIssued;
import com.premiumledger.events.Topics;
import com.premiumledger.notification.member.Member;
import com.premiumledger.notification.member.MemberDirectory;
import com.premiumledger.notification.notice.NoticeChannel;
import com.premiumledger.notification.notice.NoticeFacts;
import com.premiumledger.platform.consumer.EventStreamHandler;
import com.premiumledger.platform.consumer.ReceivedEvent;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Puts every issued notice in the delivery queue: driven by the Notice aggregates' own NoticeIssued events
 * (its own consumer group), never by the history projection, so rebuilding the projection sends nothing. The
 * text is rendered here once, for the notice's channel and as the letter that replaces it if that channel
 * fails; a redelivered NoticeIssued finds its delivery recorded and changes nothing.
 */
@Component
class NoticeDispatcher implements EventStreamHandler {

    private final MemberDirectory members;
    private final NoticeFacts facts;
    private final NoticeRenderer renderer;
    private final Deliveries deliveries;
    private final Clock clock;

    NoticeDispatcher(MemberDirectory members, NoticeFacts facts, NoticeRenderer renderer, Deliveries deliveries,
                     Clock deliveryClock) {
        this.members = members;
        this.facts = facts;
        this.renderer = renderer;
        this.deliveries = deliveries;
        this.clock = deliveryClock;
    }

    @Override
    public String name() {
        return "notice-dispatch";
    }

    @Override
    public List<String> topics() {
        return List.of(Topics.NOTICES);
    }

    /** Each notice is its own stream of one event; its id already makes a repeat harmless. */
    @Override
    public boolean ordered() {
        return false;
    }

    @Override
    public void handle(ReceivedEvent event) {
        if (!(event.payload() instanceof NoticeIssued issued)) {
            return;
        }
        Optional<Member> member = members.find(issued.accountId());
        NoticeContent content = new NoticeContent(issued.noticeId(), issued.accountId(), issued.noticeType(),
                issued.amountCents(), issued.payByDate(), facts.find(issued.noticeId()), member);
        NoticeChannel channel = NoticeChannel.valueOf(issued.channel());
        RenderedNotice letter = renderer.render(content, NoticeChannel.LETTER);
        RenderedNotice rendered = channel == NoticeChannel.LETTER ? letter : renderer.render(content, channel);
        deliveries.enqueue(Delivery.pending(issued.noticeId(), issued.accountId(), issued.noticeType(),
                channel.name(), recipient(channel, member), rendered, letter), clock.instant());
    }

    static String recipient(NoticeChannel channel, Optional<Member> member) {
        return switch (channel) {
            case EMAIL -> member.map(Member::email).orElse(null);
            case SMS -> member.map(Member::phone).orElse(null);
            case LETTER -> member.map(Member::mailingAddress).map(NoticeDispatcher::addressLine).orElse(null);
        };
    }

    private static String addressLine(MailingAddress address) {
        return address.line1() + (address.line2() == null ? "" : ", " + address.line2()) + ", " + address.city()
                + ", " + address.state() + " " + address.postalCode();
    }
}
