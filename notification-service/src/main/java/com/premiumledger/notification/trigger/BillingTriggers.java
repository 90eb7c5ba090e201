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
import com.premiumledger.notification.account.AccountRecord.BillingSide;
import com.premiumledger.notification.account.AccountRecord;
import com.premiumledger.notification.account.AccountState.Autopay;
import com.premiumledger.notification.account.AccountStates;
import com.premiumledger.notification.member.MemberDirectory;
import com.premiumledger.platform.consumer.EventStreamHandler;
import com.premiumledger.platform.consumer.ReceivedEvent;
import com.premiumledger.platform.command.LedgerCommands.Cause;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * Billing's events: the member directory and the billing side of each account's notice state (bills and what is
 * open on them, autopay), a bill-ready notice per bill, autopay notices, and the business calendar, whose closed
 * days wake the accounts whose calendar rules may fall due that day.
 *
 * <p>Guard: an account event at or below the billing side's {@code lastSequence} was applied already and is
 * skipped, notices and all; a DayClosed at or below the calendar's handled sequence likewise. The events between
 * two DayClosed are folded together: one read and one write of each collection, whatever their number.
 */
@Component
class BillingTriggers implements EventStreamHandler {

    private static final Set<Class<? extends LedgerEvent>> EVENT_TYPES = Set.of(AccountOpened.class,
            BillIssued.class, PaymentApplied.class, CreditApplied.class, PaymentReversalApplied.class,
            AutopayEnrolled.class, AutopayCancelled.class, AutopayFailed.class, DayClosed.class);

    private final MemberDirectory members;
    private final AccountStates states;
    private final NoticeDesk desk;
    private final NotificationProperties properties;

    BillingTriggers(MemberDirectory members, AccountStates states, NoticeDesk desk,
                    NotificationProperties properties) {
        this.members = members;
        this.states = states;
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
    public Set<Class<? extends LedgerEvent>> eventTypes() {
        return EVENT_TYPES;
    }

    @Override
    public void handle(ReceivedEvent event) {
        handleAll(List.of(event));
    }

    /** Folds the account events between two DayClosed together; each DayClosed in its place. */
    @Override
    public void handleAll(List<ReceivedEvent> events) {
        List<ReceivedEvent> accountEvents = new ArrayList<>();
        for (ReceivedEvent event : events) {
            if (event.payload() instanceof DayClosed day) {
                fold(accountEvents);
                accountEvents.clear();
                desk.dayClosed(day, event.sequence(), Cause.of(event));
            } else if (EVENT_TYPES.contains(event.payload().getClass())) {
                accountEvents.add(event);
            }
        }
        fold(accountEvents);
    }

    private void fold(List<ReceivedEvent> events) {
        if (events.isEmpty()) {
            return;
        }
        Set<String> accountIds = new LinkedHashSet<>();
        events.forEach(event -> accountIds.add(event.payload().streamKey()));
        TriggerBatch batch = desk.open(accountIds);
        List<AccountOpened> opened = new ArrayList<>();
        for (ReceivedEvent event : events) {
            AccountRecord before = batch.record(event.payload().streamKey());
            if (event.sequence() <= before.billing().lastSequence()) {
                continue;
            }
            if (event.payload() instanceof AccountOpened account) {
                opened.add(account);
                batch.opened(MemberDirectory.of(account));
            }
            batch.update(before.withBilling(fold(before.billing(), event.payload()).at(event.sequence())));
            decide(batch, event);
        }
        // Before any notice is issued, so that its delivery finds the member.
        members.recordAll(opened);
        desk.complete(batch, states::saveBilling, NoticeDesk.causes(events));
    }

    /** The billing side after {@code payload}: pure, so a batch and its events one by one fold alike. */
    private BillingSide fold(BillingSide billing, LedgerEvent payload) {
        if (payload instanceof AccountOpened opened) {
            return billing.opened(opened.program());
        }
        if (payload instanceof BillIssued bill) {
            return billing.billIssued(bill, desk.billsMax());
        }
        if (payload instanceof PaymentApplied payment) {
            return open(billing, payment.allocations());
        }
        if (payload instanceof CreditApplied credit) {
            return billing.billOpen(credit.billId(), credit.billOpenAfterCents());
        }
        if (payload instanceof PaymentReversalApplied reversal) {
            return open(billing, reversal.reopened());
        }
        if (payload instanceof AutopayEnrolled enrolled) {
            return billing.autopay(new Autopay(true, enrolled.method(), enrolled.lastFour()));
        }
        if (payload instanceof AutopayCancelled) {
            return billing.autopay(Autopay.NONE);
        }
        return billing;
    }

    private static BillingSide open(BillingSide billing, List<BillAllocation> allocations) {
        BillingSide after = billing;
        for (BillAllocation allocation : allocations) {
            after = after.billOpen(allocation.billId(), allocation.billOpenAfterCents());
        }
        return after;
    }

    /** The event's own notice, then the calendar rules on the state it left (AccountOpened asks for neither). */
    private void decide(TriggerBatch batch, ReceivedEvent event) {
        LedgerEvent payload = event.payload();
        String accountId = payload.streamKey();
        if (payload instanceof AccountOpened) {
            return;
        }
        if (payload instanceof BillIssued bill) {
            batch.issue(NoticeTriggers.billReady(bill, event.eventId(), batch.channelFor(accountId)));
        } else if (payload instanceof AutopayEnrolled enrolled) {
            batch.issue(NoticeTriggers.autopayEnrolled(enrolled, event.eventId(), batch.channelFor(accountId),
                    batch.record(accountId).state()));
        } else if (payload instanceof AutopayFailed failed) {
            batch.issue(NoticeTriggers.autopayFailed(failed, event.eventId(), batch.channelFor(accountId),
                    batch.record(accountId).state(), batch.closedBefore(), properties.payWithinDays()));
        }
        batch.evaluateNow(accountId, event.eventId());
    }
}
