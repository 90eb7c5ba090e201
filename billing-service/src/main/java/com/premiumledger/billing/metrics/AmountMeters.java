package com.premiumledger.billing.metrics;

import com.premiumledger.events.BillIssued;
import com.premiumledger.events.PaymentApplied;
import com.premiumledger.events.Topics;
import com.premiumledger.platform.consumer.EventStreamHandler;
import com.premiumledger.platform.consumer.ReceivedEvent;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Collection;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Money billed and paid, in cents, counted from the billing topic by their own consumer group: the gate
 * hands each event over once, so a redelivery or a republish never counts twice, and with several billing
 * instances each counts its share of the partitions (sum them). Counting on the command side instead would
 * count retried commands and could not see what a crash left for the outbox sweeper.
 */
@Component
class AmountMeters implements EventStreamHandler {

    static final String BILLED = "ledger.billing.billed.cents";
    static final String PAID = "ledger.billing.paid.cents";

    private final Counter billedCents;
    private final Counter paidCents;

    AmountMeters(MeterRegistry meters) {
        this.billedCents = Counter.builder(BILLED)
                .description("Amount due billed to members (BillIssued, gross premium less subsidy), in cents")
                .register(meters);
        this.paidCents = Counter.builder(PAID)
                .description("Payments applied to accounts (PaymentApplied, including what went to credit), in"
                        + " cents")
                .register(meters);
    }

    @Override
    public String name() {
        return "amount-metrics";
    }

    @Override
    public Collection<String> topics() {
        return List.of(Topics.BILLING);
    }

    @Override
    public void handle(ReceivedEvent event) {
        if (event.payload() instanceof BillIssued bill) {
            billedCents.increment(bill.amountDueCents());
        } else if (event.payload() instanceof PaymentApplied payment) {
            paidCents.increment(payment.amountCents());
        }
    }
}
