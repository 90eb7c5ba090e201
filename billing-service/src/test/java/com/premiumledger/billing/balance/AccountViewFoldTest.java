package com.premiumledger.billing.balance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.premiumledger.events.AccountOpened;
import com.premiumledger.events.BillAllocation;
import com.premiumledger.events.BillIssued;
import com.premiumledger.events.PaymentApplied;
import com.premiumledger.events.PaymentMissed;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class AccountViewFoldTest {

    private static final String ID = "A000000002";

    @Test
    void creditFromAnOverpaymentAbsorbsTheNextBill() {
        AccountView view = AccountViewFold.apply(null, new AccountOpened(ID, "Ben", "APTC", LocalDate.of(2027, 1, 1),
                "en", null, "service"), "e0", 0);
        view = AccountViewFold.apply(view, new BillIssued(ID, ID + "-2027-01", "2027-01", LocalDate.of(2026, 12, 23),
                50_000, 30_000, 20_000, "service"), "e1", 1);
        view = AccountViewFold.apply(view, new PaymentApplied(ID, "P1", 25_000, LocalDate.of(2026, 12, 20),
                List.of(new BillAllocation(ID + "-2027-01", 20_000, 0)), 5_000, 0), "e2", 2);
        assertThat(view.balanceCents()).isEqualTo(-5_000);
        assertThat(view.creditCents()).isEqualTo(5_000);

        view = AccountViewFold.apply(view, new BillIssued(ID, ID + "-2027-02", "2027-02", LocalDate.of(2027, 1, 23),
                50_000, 30_000, 20_000, "service"), "e3", 3);
        assertThat(view.creditCents()).isZero();
        assertThat(view.openCents()).isEqualTo(15_000);
        assertThat(view.balanceCents()).isEqualTo(15_000);
        assertThat(view.bills().get(1).paidCents()).isEqualTo(5_000);
        assertThat(view.billedCents()).isEqualTo(40_000);
        assertThat(view.paymentsReceivedCents()).isEqualTo(25_000);
        assertThat(view.lastSequence()).isEqualTo(3);

        view = AccountViewFold.apply(view, new PaymentMissed(ID, ID + "-2027-02", "2027-02", LocalDate.of(2027, 1, 23),
                15_000, LocalDate.of(2027, 1, 24), "calendar"), "e4", 4);
        assertThat(view.bills().get(1).missed()).isTrue();
        assertThat(view.bills().get(1).issuedEventId()).isEqualTo("e3");
    }

    @Test
    void refusesAPaymentThatDisagreesWithTheAccount() {
        AccountView view = AccountViewFold.apply(null, new AccountOpened(ID, "Ben", "APTC", LocalDate.of(2027, 1, 1),
                "en", null, "service"), "e0", 0);
        AccountView billed = AccountViewFold.apply(view, new BillIssued(ID, ID + "-2027-01", "2027-01",
                LocalDate.of(2026, 12, 23), 50_000, 30_000, 20_000, "service"), "e1", 1);
        assertThatThrownBy(() -> AccountViewFold.apply(billed, new PaymentApplied(ID, "P1", 5_000,
                LocalDate.of(2026, 12, 20), List.of(new BillAllocation(ID + "-2027-01", 5_000, 0)), 0, 0), "e2", 2))
                .isInstanceOf(IllegalStateException.class);
    }
}
