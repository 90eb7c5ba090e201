package com.premiumledger.payment.billing;

import com.premiumledger.events.AccountOpened;
import com.premiumledger.events.CreditRefunded;
import com.premiumledger.events.DayClosed;
import com.premiumledger.events.RefundRejected;
import com.premiumledger.events.Topics;
import com.premiumledger.payment.payment.RefundOutcomes;
import com.premiumledger.payment.refund.RefundViews;
import com.premiumledger.platform.consumer.EventStreamHandler;
import com.premiumledger.platform.consumer.ReceivedEvent;
import java.util.Collection;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * What payment intake needs from billing: which accounts exist, the business date, and billing's decision on
 * each refund (a decision is written with plain upserts, so the event a crash replays changes nothing; a
 * rejection also releases the refund on its payment, which a replay finds already done).
 */
@Component
class BillingFacts implements EventStreamHandler {

    private final KnownAccounts accounts;
    private final BusinessCalendar calendar;
    private final RefundViews refunds;
    private final RefundOutcomes refundOutcomes;

    BillingFacts(KnownAccounts accounts, BusinessCalendar calendar, RefundViews refunds,
                 RefundOutcomes refundOutcomes) {
        this.accounts = accounts;
        this.calendar = calendar;
        this.refunds = refunds;
        this.refundOutcomes = refundOutcomes;
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
        } else if (event.payload() instanceof CreditRefunded refunded) {
            refunds.refunded(refunded);
        } else if (event.payload() instanceof RefundRejected rejected) {
            refunds.rejected(rejected);
            refundOutcomes.rejected(rejected);
        }
    }
}
