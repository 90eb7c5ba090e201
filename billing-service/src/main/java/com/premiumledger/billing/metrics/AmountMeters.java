package com.premiumledger.billing.metrics;

import com.premiumledger.events.BillIssued;
import com.premiumledger.events.PaymentApplied;
import com.premiumledger.platform.consumer.ReceivedEvent;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Money billed and paid, in cents, counted as the live account views apply the events: the views' guarded
 * write ({@code lastSequence}) moves past an event exactly once, so a redelivered batch, a republish or an old
 * event repeated after newer ones is never counted again, at no store round trip of its own. A rebuild of the
 * views counts nothing. With several billing instances each counts its share of the partitions (sum them).
 * Counting on the command side instead would count retried commands and could not see what a crash left for
 * the outbox sweeper.
 */
@Component
public class AmountMeters {

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

    /** Counts {@code applied}: events the live account views have just applied, each reported once. */
    public void count(List<ReceivedEvent> applied) {
        for (ReceivedEvent event : applied) {
            if (event.payload() instanceof BillIssued bill) {
                billedCents.increment(bill.amountDueCents());
            } else if (event.payload() instanceof PaymentApplied payment) {
                paidCents.increment(payment.amountCents());
            }
        }
    }
}
