package com.premiumledger.billing.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import com.premiumledger.billing.TestEvents;
import com.premiumledger.events.AccountOpened;
import com.premiumledger.events.BillAllocation;
import com.premiumledger.events.BillIssued;
import com.premiumledger.events.PaymentApplied;
import com.premiumledger.events.PaymentMissed;
import com.premiumledger.platform.consumer.ReceivedEvent;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.config.name=premium-platform,billing-service")
@ActiveProfiles("local")
class LedgerReplayTest {

    @Autowired
    LedgerProjection projection;

    @Test
    void linesCarryARunningBalanceAndAReplayAddsNone() {
        String id = "LDG-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        projection.handle(TestEvents.received(id, 0, new AccountOpened(id, "Lee", "APTC", LocalDate.of(2027, 1, 1),
                "en", null, "service")));
        projection.handle(TestEvents.received(id, 1, new BillIssued(id, id + "-2027-01", "2027-01",
                LocalDate.of(2026, 12, 23), 50_000, 30_000, 20_000, LocalDate.of(2026, 12, 1), "service")));
        ReceivedEvent payment = TestEvents.received(id, 2, new PaymentApplied(id, "P1", 25_000,
                LocalDate.of(2026, 12, 20), List.of(new BillAllocation(id + "-2027-01", 20_000, 0)), 5_000, 0));
        projection.handle(payment);
        projection.handle(payment);
        projection.handle(TestEvents.received(id, 3, new PaymentMissed(id, id + "-2027-01", "2027-01",
                LocalDate.of(2026, 12, 23), 1, LocalDate.of(2026, 12, 24), "operator")));

        LedgerView view = projection.documents().find(id).orElseThrow();
        assertThat(view.lines()).extracting(LedgerView.LedgerLine::runningBalanceCents)
                .containsExactly(20_000L, -5_000L, -5_000L);
        assertThat(view.lines()).extracting(LedgerView.LedgerLine::debitCents).containsExactly(20_000L, 0L, 0L);
        assertThat(view.lines()).extracting(LedgerView.LedgerLine::creditCents).containsExactly(0L, 25_000L, 0L);
        assertThat(view.lines().get(1).paymentId()).isEqualTo("P1");
        assertThat(view.lines().get(1).effectiveDate()).isEqualTo(LocalDate.of(2026, 12, 20));
        assertThat(view.lines().get(0).effectiveDate()).isEqualTo(LocalDate.of(2026, 12, 1));
        assertThat(view.lines().get(2).issuedBy()).isEqualTo("operator");
        assertThat(view.balanceCents()).isEqualTo(-5_000);
        assertThat(view.lastSequence()).isEqualTo(3);
    }
}
