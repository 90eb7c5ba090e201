package com.premiumledger.billing.balance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.premiumledger.billing.account.RefundOwed;
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

    /** 5,000 credit refunded, then its payment bounces: the refund is owed back, open and due on the reversal. */
    @Test
    void aReversalAfterARefundOpensTheRefundOwedAsItsOwnItem() {
        String owed = RefundOwed.itemId("P1");
        AccountView view = AccountViewFold.apply(null, new AccountOpened(ID, "Ben", "APTC", LocalDate.of(2027, 1, 1),
                "en", null, "service"), "e0", 0);
        view = AccountViewFold.apply(view, new BillIssued(ID, ID + "-2027-01", "2027-01", LocalDate.of(2026, 12, 23),
                50_000, 30_000, 20_000, LocalDate.of(2026, 12, 1), "service"), "e1", 1);
        view = AccountViewFold.apply(view, new PaymentApplied(ID, "P1", 25_000, LocalDate.of(2026, 12, 20),
                List.of(new BillAllocation(ID + "-2027-01", 20_000, 0)), 5_000, 0), "e2", 2);
        view = AccountViewFold.apply(view, new CreditRefunded(ID, "R1", "P1", 5_000, "CHECK",
                LocalDate.of(2026, 12, 21), 0), "e3", 3);
        view = AccountViewFold.apply(view, new PaymentReversalApplied(ID, "P1", 25_000, "NSF",
                LocalDate.of(2026, 12, 22), List.of(new BillAllocation(ID + "-2027-01", 20_000, 20_000),
                new BillAllocation(owed, 5_000, 5_000)), 0, 25_000), "e4", 4);

        assertThat(view.balanceCents()).isEqualTo(25_000);
        assertThat(view.openCents()).isEqualTo(25_000);
        assertThat(view.reversedCents()).isEqualTo(25_000);
        assertThat(view.billedCents()).isEqualTo(20_000);
        assertThat(view.bills()).filteredOn(bill -> bill.billId().equals(owed)).singleElement()
                .satisfies(item -> {
                    assertThat(item.openCents()).isEqualTo(5_000);
                    assertThat(item.dueDate()).isEqualTo(LocalDate.of(2026, 12, 22));
                    assertThat(item.issuedEventId()).isEqualTo("e4");
                });

        view = AccountViewFold.apply(view, new PaymentApplied(ID, "P2", 5_000, LocalDate.of(2026, 12, 28),
                List.of(new BillAllocation(owed, 5_000, 0)), 0, 20_000), "e5", 5);
        assertThat(view.balanceCents()).isEqualTo(20_000);
        assertThat(view.bills()).filteredOn(bill -> bill.billId().equals(owed)).singleElement()
                .satisfies(item -> assertThat(item.openCents()).isZero());
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
