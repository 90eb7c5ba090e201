package com.premiumledger.billing.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import com.premiumledger.billing.TestEvents;
import com.premiumledger.events.AccountOpened;
import com.premiumledger.events.BillAllocation;
import com.premiumledger.events.BillIssued;
import com.premiumledger.events.PaymentApplied;
import com.premiumledger.events.PaymentMissed;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What is counted; that each event is counted once is the account views' guard (AccountViewRedeliveryTest). */
class AmountMetersTest {

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final AmountMeters meters = new AmountMeters(registry);

    @Test
    void countsTheAmountDueOfBillsAndTheAmountOfAppliedPaymentsInCents() {
        meters.count(List.of(TestEvents.received("A", 0, new AccountOpened("A", "Ana", "APTC",
                        LocalDate.of(2027, 1, 1), "en", null, "service")),
                TestEvents.received("A", 1, new BillIssued("A", "A-2027-01", "2027-01", LocalDate.of(2026, 12, 23),
                        50_000, 30_000, 20_000, LocalDate.of(2026, 12, 1), "service")),
                TestEvents.received("A", 2, new PaymentApplied("A", "P-1", 25_000, LocalDate.of(2026, 12, 1),
                        List.of(new BillAllocation("A-2027-01", 20_000, 0)), 5_000, 0)),
                TestEvents.received("A", 3, new PaymentMissed("A", "A-2027-01", "2027-01",
                        LocalDate.of(2026, 12, 23), 0, LocalDate.of(2026, 12, 24), "calendar"))));

        assertThat(registry.find(AmountMeters.BILLED).counter().count()).isEqualTo(20_000);
        assertThat(registry.find(AmountMeters.PAID).counter().count()).isEqualTo(25_000);
        assertThat(registry.find(AmountMeters.BILLED).counter().getId().getDescription()).contains("cents");
    }
}
