package com.premiumledger.billing.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.premiumledger.billing.account.PaymentAllocation.OpenBill;
import com.premiumledger.events.BillAllocation;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class PaymentAllocationTest {

    private static final OpenBill JANUARY = new OpenBill("A-2027-01", "2027-01", LocalDate.of(2026, 12, 23), 20_000);
    private static final OpenBill FEBRUARY = new OpenBill("A-2027-02", "2027-02", LocalDate.of(2027, 1, 23), 20_000);

    @Test
    void paysTheOldestDueDateFirst() {
        PaymentAllocation.Result result = PaymentAllocation.allocate(List.of(FEBRUARY, JANUARY), 25_000);
        assertThat(result.allocations()).containsExactly(new BillAllocation("A-2027-01", 20_000, 0),
                new BillAllocation("A-2027-02", 5_000, 15_000));
        assertThat(result.creditCents()).isZero();
        assertThat(result.accountOpenAfterCents()).isEqualTo(15_000);
    }

    @Test
    void breaksDueDateTiesByCoverageMonth() {
        OpenBill march = new OpenBill("A-2027-03", "2027-03", LocalDate.of(2027, 1, 23), 10_000);
        PaymentAllocation.Result result = PaymentAllocation.allocate(List.of(march, FEBRUARY), 10_000);
        assertThat(result.allocations()).containsExactly(new BillAllocation("A-2027-02", 10_000, 10_000));
        assertThat(result.accountOpenAfterCents()).isEqualTo(20_000);
    }

    @Test
    void whatNoBillNeedsIsCredit() {
        PaymentAllocation.Result result = PaymentAllocation.allocate(List.of(JANUARY, FEBRUARY), 50_000);
        assertThat(result.allocations()).extracting(BillAllocation::billOpenAfterCents).containsExactly(0L, 0L);
        assertThat(result.creditCents()).isEqualTo(10_000);
        assertThat(result.accountOpenAfterCents()).isZero();
    }

    @Test
    void skipsPaidBills() {
        OpenBill paid = new OpenBill("A-2026-12", "2026-12", LocalDate.of(2026, 11, 23), 0);
        PaymentAllocation.Result result = PaymentAllocation.allocate(List.of(paid, JANUARY), 1_000);
        assertThat(result.allocations()).containsExactly(new BillAllocation("A-2027-01", 1_000, 19_000));
    }

    @Test
    void noBillsMeansAllCredit() {
        PaymentAllocation.Result result = PaymentAllocation.allocate(List.of(), 1_000);
        assertThat(result.allocations()).isEmpty();
        assertThat(result.creditCents()).isEqualTo(1_000);
    }

    @Test
    void refusesANonPositiveAmount() {
        assertThatThrownBy(() -> PaymentAllocation.allocate(List.of(JANUARY), 0))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
