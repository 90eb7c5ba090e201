package com.premiumledger.notification.trigger;

import com.premiumledger.notification.NotificationProperties;
import com.premiumledger.notification.account.AccountState;
import com.premiumledger.notification.account.AccountState.BillFact;
import com.premiumledger.notification.account.AccountState.CoverageFact;
import com.premiumledger.notification.notice.IssueNoticeCommand;
import com.premiumledger.notification.notice.NoticeChannel;
import com.premiumledger.notification.notice.NoticeIds;
import com.premiumledger.notification.notice.NoticeType;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The notices that fall due with the calendar, as a pure function of an account's state and the last closed
 * day. Billing's days and the coverage and billing events of an account arrive on different partitions in no
 * guaranteed order, so nothing here depends on which came first: the rules are evaluated again whenever either
 * arrives, and a notice already issued is recognised by its id.
 *
 * <ul>
 *   <li>PAYMENT_DUE_SOON: on the first closed day {@code d} with {@code dueDate - dueSoonDays <= d < dueDate},
 *   while the bill is open and the account is not on autopay.</li>
 *   <li>TERMINATION_WARNING: the program's warnings, each due when the closed day reaches
 *   {@code graceEnd - days} while the account is still in that grace period (GRACE or SUSPENDED, told apart by
 *   its start) and the grace end is not passed. When several are due at once (the calendar ran ahead of the
 *   coverage events), only the latest goes out: an older warning would only contradict it.</li>
 * </ul>
 */
final class TimeRules {

    private TimeRules() {
    }

    static List<NoticeDecision> due(AccountState state, LocalDate lastClosed, NoticeChannel channel,
                                    String eventId, NotificationProperties properties) {
        List<NoticeDecision> decisions = new ArrayList<>();
        if (lastClosed == null) {
            return decisions;
        }
        if (!state.autopay().enrolled()) {
            for (BillFact bill : state.bills()) {
                if (isDueSoon(bill, lastClosed, properties.dueSoonDays())) {
                    decisions.add(new NoticeDecision(new IssueNoticeCommand(NoticeIds.dueSoon(bill.billId()),
                            state.accountId(), NoticeType.PAYMENT_DUE_SOON, channel, bill.openCents(), bill.dueDate(),
                            eventId), NoticeTriggers.facts("billId", bill.billId(), "coverageMonth",
                            bill.coverageMonth(), "dueDate", bill.dueDate())));
                }
            }
        }
        terminationWarning(state, lastClosed, channel, eventId, properties).ifPresent(decisions::add);
        return decisions;
    }

    static boolean isDueSoon(BillFact bill, LocalDate lastClosed, int dueSoonDays) {
        return bill.dueDate() != null && bill.openCents() > 0 && lastClosed.isBefore(bill.dueDate())
                && !lastClosed.isBefore(bill.dueDate().minusDays(dueSoonDays));
    }

    private static java.util.Optional<NoticeDecision> terminationWarning(AccountState state, LocalDate lastClosed,
            NoticeChannel channel, String eventId, NotificationProperties properties) {
        CoverageFact coverage = state.coverage();
        if (coverage == null || !coverage.inGrace() || lastClosed.isAfter(coverage.graceEnd())) {
            return java.util.Optional.empty();
        }
        Integer latest = null;
        for (int days : properties.warningDaysFor(state.program())) {
            if (!lastClosed.isBefore(coverage.graceEnd().minusDays(days))) {
                latest = days;
            }
        }
        if (latest == null) {
            return java.util.Optional.empty();
        }
        Map<String, String> facts = NoticeTriggers.facts("graceStart", coverage.graceStart(), "graceEnd",
                coverage.graceEnd(), "daysBefore", latest, "program", state.program(), "status", coverage.status());
        return java.util.Optional.of(new NoticeDecision(new IssueNoticeCommand(
                NoticeIds.terminationWarning(state.accountId(), coverage.graceStart(), latest), state.accountId(),
                NoticeType.TERMINATION_WARNING, channel, state.pastDueCents(lastClosed), coverage.graceEnd(), eventId),
                facts));
    }

    /** The days on which this account's time rules may next fall due. */
    static Set<LocalDate> wakeDays(AccountState state, NotificationProperties properties) {
        Set<LocalDate> days = new TreeSet<>();
        for (BillFact bill : state.bills()) {
            if (bill.dueDate() != null && bill.openCents() > 0) {
                days.add(bill.dueDate().minusDays(properties.dueSoonDays()));
            }
        }
        CoverageFact coverage = state.coverage();
        if (coverage != null && coverage.inGrace()) {
            for (int daysBefore : properties.warningDaysFor(state.program())) {
                days.add(coverage.graceEnd().minusDays(daysBefore));
            }
        }
        return days;
    }
}
