package com.premiumledger.billing.balance;

import static org.assertj.core.api.Assertions.assertThat;

import com.premiumledger.billing.TestEvents;
import com.premiumledger.events.AccountOpened;
import com.premiumledger.events.BillAllocation;
import com.premiumledger.events.BillIssued;
import com.premiumledger.events.PaymentApplied;
import com.premiumledger.platform.consumer.ReceivedEvent;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/** The crash window: an event handled but not yet recorded as handled comes again; it must change nothing. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.config.name=premium-platform,billing-service")
@ActiveProfiles("local")
class AccountViewReplayTest {

    @Autowired
    AccountViewProjection projection;

    @Test
    void aReplayedEventIsAppliedOnce() {
        String id = "RPL-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        projection.handle(TestEvents.received(id, 0, new AccountOpened(id, "Rae", "APTC", LocalDate.of(2027, 1, 1),
                "en", null, "service")));
        projection.handle(TestEvents.received(id, 1, new BillIssued(id, id + "-2027-01", "2027-01",
                LocalDate.of(2026, 12, 23), 50_000, 30_000, 20_000, LocalDate.of(2026, 12, 1), "service")));
        ReceivedEvent payment = TestEvents.received(id, 2, new PaymentApplied(id, "P1", 5_000,
                LocalDate.of(2026, 12, 20), List.of(new BillAllocation(id + "-2027-01", 5_000, 15_000)), 0, 15_000));
        projection.handle(payment);
        AccountView once = projection.documents().find(id).orElseThrow();

        projection.handle(payment);
        projection.handle(TestEvents.received(id, 1, new BillIssued(id, id + "-2027-01", "2027-01",
                LocalDate.of(2026, 12, 23), 50_000, 30_000, 20_000, LocalDate.of(2026, 12, 1), "service")));

        AccountView after = projection.documents().find(id).orElseThrow();
        assertThat(after).isEqualTo(once);
        assertThat(after.paymentsReceivedCents()).isEqualTo(5_000);
        assertThat(after.balanceCents()).isEqualTo(15_000);
        assertThat(after.lastSequence()).isEqualTo(2);
    }
}
