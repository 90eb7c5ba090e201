package com.premiumledger.notification.trigger;

import com.premiumledger.notification.account.AccountRecord;
import com.premiumledger.notification.account.AccountState;
import com.premiumledger.notification.account.AccountStates.Change;
import com.premiumledger.notification.member.Member;
import com.premiumledger.notification.notice.NoticeChannel;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * One batch of account events as a trigger folds it: the accounts, their members and the last closed day read
 * once up front, each account's record as folded so far, and in event order the steps to take when the batch
 * completes (see {@link NoticeDesk#complete}).
 */
final class TriggerBatch {

    /** What one event asked for, in event order: a notice, or the calendar rules evaluated on a state. */
    sealed interface Step permits Issue, Evaluate {
    }

    record Issue(NoticeDecision decision) implements Step {
    }

    record Evaluate(AccountState state, String eventId) implements Step {
    }

    private final Map<String, AccountRecord> stored;
    private final Map<String, AccountRecord> folded;
    private final Map<String, Member> members;
    private final Optional<LocalDate> closedBefore;
    private final List<Step> steps = new ArrayList<>();
    private final Set<String> changed = new LinkedHashSet<>();

    TriggerBatch(Map<String, AccountRecord> stored, Map<String, Member> members, Optional<LocalDate> closedBefore) {
        this.stored = Map.copyOf(stored);
        this.folded = new HashMap<>(stored);
        this.members = new HashMap<>(members);
        this.closedBefore = closedBefore;
    }

    AccountRecord record(String accountId) {
        return folded.computeIfAbsent(accountId, AccountRecord::empty);
    }

    void update(AccountRecord after) {
        folded.put(after.accountId(), after);
        changed.add(after.accountId());
    }

    /** A member recorded by this batch: its notices go by the channel it chose. */
    void opened(Member member) {
        members.put(member.accountId(), member);
    }

    void issue(NoticeDecision decision) {
        steps.add(new Issue(decision));
    }

    /** The account's calendar rules are evaluated on its state as it is now, once the batch completes. */
    void evaluateNow(String accountId, String eventId) {
        steps.add(new Evaluate(record(accountId).state(), eventId));
    }

    NoticeChannel channelFor(String accountId) {
        return ChannelChoice.forMember(Optional.ofNullable(members.get(accountId)));
    }

    /** The last closed day read before folding: the business date the events' own notices are decided by. */
    Optional<LocalDate> closedBefore() {
        return closedBefore;
    }

    List<Step> steps() {
        return List.copyOf(steps);
    }

    /** Each account this batch changed, as read and as folded. */
    List<Change> changes() {
        List<Change> changes = new ArrayList<>(changed.size());
        for (String accountId : changed) {
            changes.add(new Change(stored.getOrDefault(accountId, AccountRecord.empty(accountId)),
                    folded.get(accountId)));
        }
        return changes;
    }

    boolean isEmpty() {
        return steps.isEmpty() && changed.isEmpty();
    }
}
