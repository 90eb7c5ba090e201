package com.premiumledger.notification.notice;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import com.premiumledger.events.NoticeIssued;
import com.premiumledger.platform.web.RuleViolation;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * One notice to one member. Its id names its trigger, so it can only ever be created once: that, not any
 * bookkeeping of seen events, is what makes notices exactly one per trigger.
 */
@Aggregate
public class Notice {

    @AggregateIdentifier
    private String noticeId;

    Notice() {
    }

    @CommandHandler
    Notice(IssueNoticeCommand command) {
        check(command);
        apply(new NoticeIssued(command.noticeId(), command.accountId(), command.type().name(),
                command.channel().name(), command.amountCents(), command.payByDate(), command.triggerEventId()));
    }

    private static void check(IssueNoticeCommand command) {
        if (command.type() == null || command.channel() == null) {
            throw RuleViolation.invalid("notice-incomplete", "a notice needs a type and a channel");
        }
        if (!NoticeIds.isOfType(command.noticeId(), command.type())) {
            throw RuleViolation.invalid("notice-id-mismatch",
                    "notice id " + command.noticeId() + " is not derived from a " + command.type() + " trigger");
        }
        if (isBlank(command.accountId()) || isBlank(command.triggerEventId())) {
            throw RuleViolation.invalid("notice-incomplete", "a notice needs its account and its trigger event");
        }
        if (command.amountCents() < 0) {
            throw RuleViolation.invalid("negative-amount", "a notice amount is never negative");
        }
        if (command.type().asksForPayment() != (command.payByDate() != null)) {
            throw RuleViolation.invalid("pay-by-date", command.type().asksForPayment()
                    ? "a " + command.type() + " notice must say by when to pay"
                    : "a " + command.type() + " notice asks for no payment and has no pay-by date");
        }
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }

    @EventSourcingHandler
    void on(NoticeIssued event) {
        noticeId = event.noticeId();
    }
}
