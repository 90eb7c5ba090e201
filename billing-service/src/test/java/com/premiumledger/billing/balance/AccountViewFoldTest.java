package com.premiumledger.billing.balance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.premiumledger.events.AccountOpened;
import com.premiumledger.events.BillAllocation;
import com.premiumledger.events.BillIssued;
import com.premiumledger.events.CreditApplied;
import com.premiumledger.events.CreditRefunded;
import com.premiumledger.events.PaymentApplied;
import com.premiumledger.events.PaymentMissed;
import com.premiumledger.events.PaymentReversalApplied;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class AccountViewFoldTest {

    private static final String ID = "A000000002";

    @Test
    void creditPaysABillOnlyThroughCreditApplied() {
        AccountView view = AccountViewFold.apply(null, new AccountOpened(ID, "Ben", "APTC", LocalDate.of(2027, 1, 1),
                "en", null, "service"), "e0", 0);
        view = AccountViewFold.apply(view, new BillIssued(ID, ID + "-2027-01", "2027-01", LocalDate.of(2026, 12, 23),
                50_000, 30_000, 20_000, LocalDate.of(2026, 12, 1), "service"), "e1", 1);
        view = AccountViewFold.apply(view, new PaymentApplied(ID, "P1", 25_000, LocalDate.of(2026, 12, 20),
                List.of(new BillAllocation(ID + "-2027-01", 20_000, 0)), 5_000, 0), "e2", 2);
        assertThat(view.balanceCents()).isEqualTo(-5_000);
        assertThat(view.creditCents()).isEqualTo(5_000);

        view = AccountViewFold.apply(view, new BillIssued(ID, ID + "-2027-02", "2027-02", LocalDate.of(2027, 1, 23),
                50_000, 30_000, 20_000, LocalDate.of(2026, 12, 1), "service"), "e3", 3);
        // A new bill alone absorbs nothing: the credit is still there until an event spends it.
        assertThat(view.creditCents()).isEqualTo(5_000);
        assertThat(view.openCents()).isEqualTo(20_000);
        view = AccountViewFold.apply(view, new CreditApplied(ID, ID + "-2027-02", 5_000, 15_000, 0, 15_000), "e4", 4);
        assertThat(view.creditCents()).isZero();
        assertThat(view.openCents()).isEqualTo(15_000);
        assertThat(view.balanceCents()).isEqualTo(15_000);
        assertThat(view.bills().get(1).paidCents()).isEqualTo(5_000);
        assertThat(view.billedCents()).isEqualTo(40_000);
        assertThat(view.paymentsReceivedCents()).isEqualTo(25_000);
        assertThat(view.lastSequence()).isEqualTo(4);

        view = AccountViewFold.apply(view, new PaymentMissed(ID, ID + "-2027-02", "2027-02", LocalDate.of(2027, 1, 23),
                15_000, LocalDate.of(2027, 1, 24), "calendar"), "e5", 5);
        assertThat(view.bills().get(1).missed()).isTrue();
        assertThat(view.bills().get(1).issuedEventId()).isEqualTo("e3");
    }

    @Test
    void aReversalReopensBillsAndARefundSpendsCredit() {
        AccountView view = AccountViewFold.apply(null, new AccountOpened(ID, "Ben", "APTC", LocalDate.of(2027, 1, 1),
                "en", null, "service"), "e0", 0);
        view = AccountViewFold.apply(view, new BillIssued(ID, ID + "-2027-01", "2027-01", LocalDate.of(2026, 12, 23),
                50_000, 30_000, 20_000, LocalDate.of(2026, 12, 1), "service"), "e1", 1);
        view = AccountViewFold.apply(view, new PaymentApplied(ID, "P1", 25_000, LocalDate.of(2026, 12, 20),
                List.of(new BillAllocation(ID + "-2027-01", 20_000, 0)), 5_000, 0), "e2", 2);
        view = AccountViewFold.apply(view, new CreditRefunded(ID, "R1", "P1", 2_000, "ACH",
                LocalDate.of(2026, 12, 21), 3_000), "e3", 3);
        assertThat(view.creditCents()).isEqualTo(3_000);
        assertThat(view.refundedCents()).isEqualTo(2_000);
        assertThat(view.balanceCents()).isEqualTo(-3_000);
        view = AccountViewFold.apply(view, new PaymentReversalApplied(ID, "P1", 25_000, "NSF",
                LocalDate.of(2026, 12, 22), List.of(new BillAllocation(ID + "-2027-01", 20_000, 20_000)), 3_000,
                20_000), "e4", 4);
        assertThat(view.openCents()).isEqualTo(20_000);
        assertThat(view.creditCents()).isZero();
        assertThat(view.reversedCents()).isEqualTo(23_000);
        assertThat(view.balanceCents()).isEqualTo(20_000);
    }

    @Test
    void refusesAPaymentThatDisagreesWithTheAccount() {
        AccountView view = AccountViewFold.apply(null, new AccountOpened(ID, "Ben", "APTC", LocalDate.of(2027, 1, 1),
                "en", null, "service"), "e0", 0);
        AccountView billed = AccountViewFold.apply(view, new BillIssued(ID, ID + "-2027-01", "2027-01",
                LocalDate.of(2026, 12, 23), 50_000, 30_000, 20_000, LocalDate.of(2026, 12, 1), "service"), "e1", 1);
        assertThatThrownBy(() -> AccountViewFold.apply(billed, new PaymentApplied(ID, "P1", 5_000,
                LocalDate.of(2026, 12, 20), List.of(new BillAllocation(ID + "-2027-01", 5_000, 0)), 0, 0), "e2", 2))
                .isInstanceOf(IllegalStateException.class);
    }
}
