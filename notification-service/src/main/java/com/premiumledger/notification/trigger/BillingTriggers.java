package com.premiumledger.notification.trigger;

import com.premiumledger.events.AccountOpened;
import com.premiumledger.events.AutopayCancelled;
import com.premiumledger.events.AutopayEnrolled;
import com.premiumledger.events.AutopayFailed;
import com.premiumledger.events.BillAllocation;
import com.premiumledger.events.BillIssued;
import com.premiumledger.events.CreditApplied;
import com.premiumledger.events.DayClosed;
import com.premiumledger.events.LedgerEvent;
import com.premiumledger.events.PaymentApplied;
import com.premiumledger.events.PaymentReversalApplied;
import com.premiumledger.events.Topics;
import com.premiumledger.notification.NotificationProperties;
import com.premiumledger.notification.account.AccountState.Autopay;
import com.premiumledger.notification.account.AccountStates;
import com.premiumledger.notification.account.BusinessCalendar;
import com.premiumledger.notification.account.Wakeups;
import com.premiumledger.notification.member.MemberDirectory;
import com.premiumledger.platform.consumer.EventStreamHandler;
import com.premiumledger.platform.consumer.ReceivedEvent;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Billing's events, each account's in order: the member directory and the account's notice state (bills and
 * what is open on them, autopay), a bill-ready notice per bill, autopay notices, and the business calendar,
 * whose closed days wake the accounts whose calendar rules may fall due that day.
 */
@Component
class BillingTriggers implements EventStreamHandler {

    private final MemberDirectory members;
    private final AccountStates states;
    private final BusinessCalendar calendar;
    private final Wakeups wakeups;
    private final NoticeDesk desk;
    private final NotificationProperties properties;

    BillingTriggers(MemberDirectory members, AccountStates states, BusinessCalendar calendar, Wakeups wakeups,
                    NoticeDesk desk, NotificationProperties properties) {
        this.members = members;
        this.states = states;
        this.calendar = calendar;
        this.wakeups = wakeups;
        this.desk = desk;
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
        LedgerEvent payload = event.payload();
        if (payload instanceof DayClosed day) {
            dayClosed(day, event.eventId());
            return;
        }
        if (payload instanceof AccountOpened opened) {
            members.record(opened);
            states.opened(opened.accountId(), opened.program());
            return;
        }
        String accountId = record(payload, event.eventId());
        if (accountId != null) {
            desk.evaluate(accountId, event.eventId());
        }
    }

    /** Folds the event into the account's state and issues its own notice; the account id, or null if none. */
    private String record(LedgerEvent payload, String eventId) {
        if (payload instanceof BillIssued bill) {
            states.billIssued(bill);
            desk.issue(NoticeTriggers.billReady(bill, eventId, desk.channelFor(bill.accountId())));
            return bill.accountId();
        }
        if (payload instanceof PaymentApplied payment) {
            payment.allocations().forEach(paid -> open(payment.accountId(), paid));
            return payment.accountId();
        }
        if (payload instanceof CreditApplied credit) {
            states.billOpen(credit.accountId(), credit.billId(), credit.billOpenAfterCents());
            return credit.accountId();
        }
        if (payload instanceof PaymentReversalApplied reversal) {
            reversal.reopened().forEach(reopened -> open(reversal.accountId(), reopened));
            return reversal.accountId();
        }
        if (payload instanceof AutopayEnrolled enrolled) {
            states.autopay(enrolled.accountId(), new Autopay(true, enrolled.method(), enrolled.lastFour()));
            desk.issue(NoticeTriggers.autopayEnrolled(enrolled, eventId, desk.channelFor(enrolled.accountId()),
                    states.find(enrolled.accountId())));
            return enrolled.accountId();
        }
        if (payload instanceof AutopayCancelled cancelled) {
            states.autopay(cancelled.accountId(), Autopay.NONE);
            return cancelled.accountId();
        }
        if (payload instanceof AutopayFailed failed) {
            desk.issue(NoticeTriggers.autopayFailed(failed, eventId, desk.channelFor(failed.accountId()),
                    states.find(failed.accountId()), calendar.lastClosed(), properties.payWithinDays()));
            return failed.accountId();
        }
        return null;
    }

    private void open(String accountId, BillAllocation allocation) {
        states.billOpen(accountId, allocation.billId(), allocation.billOpenAfterCents());
    }

    /**
     * Moves the calendar first, then wakes the accounts registered for the days this close covers (from the day
     * after the previous close): an account that registers meanwhile sees the new day itself (see
     * {@link NoticeDesk#evaluate}). Handling the same day again only evaluates again, which issues nothing new.
     */
    private void dayClosed(DayClosed day, String eventId) {
        calendar.closed(day.date());
        LocalDate earliest = day.date().minusDays(properties.wakeupScanDaysMax() - 1L);
        LocalDate from = Optional.ofNullable(day.previousDate()).map(previous -> previous.plusDays(1))
                .filter(next -> next.isAfter(earliest)).orElse(earliest);
        LocalDate today = calendar.lastClosed().orElse(day.date());
        for (String accountId : wakeups.accountsFor(from, day.date())) {
            desk.evaluateNow(accountId, today, eventId);
        }
        wakeups.forget(from, day.date());
    }
}
