package com.premiumledger.billing.calendar;

import com.premiumledger.billing.support.Authors;
import com.premiumledger.billing.BillingProperties;
import com.premiumledger.billing.account.DecideMissedPaymentsCommand;
import com.premiumledger.platform.command.LedgerCommands;
import com.premiumledger.events.DayClosed;
import com.premiumledger.events.LedgerEvent;
import com.premiumledger.events.Topics;
import com.premiumledger.platform.consumer.EventStreamHandler;
import com.premiumledger.platform.consumer.ReceivedEvent;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * When a day closes, every account with a bill due in the span of time that just passed is asked to decide
 * its missed payments. The account is the guard: it misses a bill once and refuses to miss it again, so a
 * redelivered DayClosed (also one repeated after later days) sends commands that change nothing. No guard of
 * its own on purpose: one keyed by the calendar's sequence would also skip the retry of a day whose commands
 * failed once a later day went through, and those accounts would not be asked again.
 */
@Component
class MissedPaymentDecisions implements EventStreamHandler {

    private static final Logger log = LoggerFactory.getLogger(MissedPaymentDecisions.class);

    private final DueIndex dueIndex;
    private final LedgerCommands commands;
    private final BillingProperties properties;

    MissedPaymentDecisions(DueIndex dueIndex, LedgerCommands commands, BillingProperties properties) {
        this.dueIndex = dueIndex;
        this.commands = commands;
        this.properties = properties;
    }

    @Override
    public String name() {
        return "missed-payment-decisions";
    }

    @Override
    public Collection<String> topics() {
        return List.of(Topics.BILLING);
    }

    @Override
    public Set<Class<? extends LedgerEvent>> eventTypes() {
        return Set.of(DayClosed.class);
    }

    @Override
    public void handle(ReceivedEvent event) {
        if (!(event.payload() instanceof DayClosed day)) {
            return;
        }
        LocalDate to = day.date().minusDays(1);
        LocalDate from = day.previousDate() != null ? day.previousDate() : dueIndex.minDueDate().orElse(null);
        if (from == null || from.isAfter(to)) {
            return;
        }
        from = bounded(from, to);
        Set<String> accounts = dueIndex.accountsDue(from, to, properties.dueScanBatchDays());
        for (String accountId : accounts) {
            decide(accountId, day.date(), event);
        }
    }

    /** A first close far after the earliest due date scans only the most recent configured span. */
    private LocalDate bounded(LocalDate from, LocalDate to) {
        long days = ChronoUnit.DAYS.between(from, to) + 1;
        if (days <= properties.dueScanDaysMax()) {
            return from;
        }
        LocalDate boundedFrom = to.minusDays(properties.dueScanDaysMax() - 1L);
        log.warn("due dates from {} to {} span {} days; scanning only from {} (premium.billing.due-scan-days-max)",
                from, to, days, boundedFrom);
        return boundedFrom;
    }

    private void decide(String accountId, LocalDate businessDate, ReceivedEvent cause) {
        try {
            commands.send(new DecideMissedPaymentsCommand(accountId, businessDate), Authors.CALENDAR, cause);
        } catch (AggregateNotFoundException e) {
            // The index is written before IssueBill runs; a bill for an unknown account leaves such an entry.
            log.debug("due index lists {} but no such account exists", accountId);
        }
    }
}
