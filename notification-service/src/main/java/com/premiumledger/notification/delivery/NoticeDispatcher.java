package com.premiumledger.notification.delivery;

import com.premiumledger.events.LedgerEvent;
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
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * Puts every issued notice in the delivery queue: driven by the Notice aggregates' own NoticeIssued events, never
 * by the history projection, so rebuilding the projection sends nothing. The text is rendered here once, for the
 * notice's channel and as the letter that replaces it if that channel fails.
 *
 * <p>Guard: the delivery record ({@code _id} = notice id). A notice whose delivery is recorded is not rendered or
 * recorded again, and is queued again only while still pending (a batch that stopped between recording and
 * queueing); the worker sends only a pending delivery and marks it sent under a status guard, so an email or
 * SMS goes out once per notice whatever is redelivered. A batch costs one read and one write per collection.
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

    @Override
    public Set<Class<? extends LedgerEvent>> eventTypes() {
        return Set.of(NoticeIssued.class);
    }

    @Override
    public void handle(ReceivedEvent event) {
        handleAll(List.of(event));
    }

    @Override
    public void handleAll(List<ReceivedEvent> events) {
        Map<String, NoticeIssued> issued = new LinkedHashMap<>();
        for (ReceivedEvent event : events) {
            if (event.payload() instanceof NoticeIssued notice) {
                issued.putIfAbsent(notice.noticeId(), notice);
            }
        }
        if (issued.isEmpty()) {
            return;
        }
        Map<String, DeliveryStatus> recorded = deliveries.statuses(issued.keySet());
        Set<String> toQueue = new LinkedHashSet<>();
        recorded.forEach((noticeId, status) -> {
            if (status == DeliveryStatus.PENDING) {
                toQueue.add(noticeId);
            }
        });
        List<NoticeIssued> fresh = issued.values().stream()
                .filter(notice -> !recorded.containsKey(notice.noticeId())).toList();
        Instant now = clock.instant();
        toQueue.addAll(deliveries.recordAll(render(fresh), now));
        deliveries.queueAll(toQueue, now);
    }

    /** Each notice's delivery, rendered from its facts and member (each read once for the batch). */
    private List<Delivery> render(List<NoticeIssued> notices) {
        if (notices.isEmpty()) {
            return List.of();
        }
        Map<String, Map<String, String>> factsById = facts.findAll(notices.stream().map(NoticeIssued::noticeId)
                .toList());
        Map<String, Member> membersById = members.findAll(notices.stream().map(NoticeIssued::accountId)
                .distinct().toList());
        List<Delivery> pending = new ArrayList<>(notices.size());
        for (NoticeIssued issued : notices) {
            Optional<Member> member = Optional.ofNullable(membersById.get(issued.accountId()));
            NoticeContent content = new NoticeContent(issued.noticeId(), issued.accountId(), issued.noticeType(),
                    issued.amountCents(), issued.payByDate(), factsById.get(issued.noticeId()), member);
            NoticeChannel channel = NoticeChannel.valueOf(issued.channel());
            RenderedNotice letter = renderer.render(content, NoticeChannel.LETTER);
            RenderedNotice rendered = channel == NoticeChannel.LETTER ? letter : renderer.render(content, channel);
            pending.add(Delivery.pending(issued.noticeId(), issued.accountId(), issued.noticeType(),
                    channel.name(), recipient(channel, member), rendered, letter));
        }
        return pending;
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
