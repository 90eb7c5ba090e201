package com.premiumledger.payment.billing;

import com.premiumledger.events.AccountOpened;
import com.premiumledger.events.DayClosed;
import com.premiumledger.events.Topics;
import com.premiumledger.platform.consumer.EventStreamHandler;
import com.premiumledger.platform.consumer.ReceivedEvent;
import java.util.Collection;
import java.util.List;
import org.springframework.stereotype.Component;

/** What payment intake needs from billing: which accounts exist, and the business date. */
@Component
class BillingFacts implements EventStreamHandler {

    private final KnownAccounts accounts;
    private final BusinessCalendar calendar;

    BillingFacts(KnownAccounts accounts, BusinessCalendar calendar) {
        this.accounts = accounts;
        this.calendar = calendar;
    }

    @Override
    public String name() {
        return "billing-facts";
    }

    @Override
    public Collection<String> topics() {
        return List.of(Topics.BILLING);
    }

    @Override
    public void handle(ReceivedEvent event) {
        if (event.payload() instanceof AccountOpened opened) {
            accounts.remember(opened, event);
        } else if (event.payload() instanceof DayClosed day) {
            calendar.close(day);
        }
    }
}
