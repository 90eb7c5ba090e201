package com.premiumledger.notification.trigger;

import com.premiumledger.notification.NotificationProperties;
import com.premiumledger.notification.account.AccountState;
import com.premiumledger.notification.account.AccountStates;
import com.premiumledger.notification.account.BusinessCalendar;
import com.premiumledger.notification.account.Wakeups;
import com.premiumledger.notification.member.MemberDirectory;
import com.premiumledger.notification.notice.NoticeChannel;
import com.premiumledger.notification.notice.NoticeFacts;
import com.premiumledger.notification.notice.NoticeIssuer;
import java.time.LocalDate;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Where triggers hand their decisions: the facts are written, then the notice is issued (once per id, whatever
 * is redelivered). Also re-evaluates an account's calendar rules after anything about it changed.
 */
@Component
class NoticeDesk {

    private final NoticeIssuer issuer;
    private final NoticeFacts facts;
    private final MemberDirectory members;
    private final AccountStates states;
    private final BusinessCalendar calendar;
    private final Wakeups wakeups;
    private final NotificationProperties properties;

    NoticeDesk(NoticeIssuer issuer, NoticeFacts facts, MemberDirectory members, AccountStates states,
               BusinessCalendar calendar, Wakeups wakeups, NotificationProperties properties) {
        this.issuer = issuer;
        this.facts = facts;
        this.members = members;
        this.states = states;
        this.calendar = calendar;
        this.wakeups = wakeups;
        this.properties = properties;
    }

    NoticeChannel channelFor(String accountId) {
        return ChannelChoice.forMember(members.find(accountId));
    }

    /** True when this call issued the notice, false when it had been issued before. */
    boolean issue(NoticeDecision decision) {
        facts.save(decision.noticeId(), decision.facts());
        return issuer.issue(decision.command());
    }

    /**
     * Registers the account for the days its rules may fall due, then evaluates them against the last closed
     * day read after that registration: either this sees a day that closed meanwhile, or that day's close sees
     * the registration, so no due notice is missed (and if both act, the notice id keeps it to one).
     */
    void evaluate(String accountId, String eventId) {
        AccountState before = states.find(accountId);
        Optional<LocalDate> closedBefore = calendar.lastClosed();
        for (LocalDate day : TimeRules.wakeDays(before, properties)) {
            if (closedBefore.isEmpty() || day.isAfter(closedBefore.get())) {
                wakeups.add(accountId, day);
            }
        }
        evaluateNow(accountId, calendar.lastClosed().orElse(null), eventId);
    }

    void evaluateNow(String accountId, LocalDate lastClosed, String eventId) {
        AccountState state = states.find(accountId);
        for (NoticeDecision decision : TimeRules.due(state, lastClosed, channelFor(accountId), eventId, properties)) {
            issue(decision);
        }
    }
}
