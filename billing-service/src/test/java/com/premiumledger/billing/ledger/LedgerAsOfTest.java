package com.premiumledger.billing.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import com.premiumledger.billing.TestEvents;
import com.premiumledger.billing.account.RefundOwed;
import com.premiumledger.events.AccountOpened;
import com.premiumledger.events.BillAllocation;
import com.premiumledger.events.BillIssued;
import com.premiumledger.events.CreditApplied;
import com.premiumledger.events.CreditRefunded;
import com.premiumledger.events.LedgerEvent;
import com.premiumledger.events.PaymentApplied;
import com.premiumledger.events.PaymentReversalApplied;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class LedgerAsOfTest {

    private static final String ID = "ASOF-1";

    /** Bill of 20,000 issued 2026-12-01 due 2026-12-23; 25,000 received 2026-12-20 leaves 5,000 credit. */
    private static LedgerView ledger() {
        List<LedgerEvent> events = List.of(
                new AccountOpened(ID, "Asa", "APTC", LocalDate.of(2027, 1, 1), "en", null, "service"),
                new BillIssued(ID, ID + "-2027-01", "2027-01", LocalDate.of(2026, 12, 23), 50_000, 30_000, 20_000,
                        LocalDate.of(2026, 12, 1),
                        "service"),
                new BillIssued(ID, ID + "-2027-02", "2027-02", LocalDate.of(2027, 1, 23), 50_000, 30_000, 20_000,
                        LocalDate.of(2026, 12, 1),
                        "service"),
                new PaymentApplied(ID, "P1", 5_000, LocalDate.of(2026, 12, 20),
                        List.of(new BillAllocation(ID + "-2027-01", 5_000, 15_000)), 0, 35_000));
        LedgerView view = null;
        for (int sequence = 0; sequence < events.size(); sequence++) {
            view = LedgerFold.apply(view, TestEvents.received(ID, sequence, events.get(sequence)));
        }
        return view;
    }

    @Test
    void beforeAnythingWasEffectiveTheAccountIsEmpty() {
        LedgerAsOf.Balance balance = LedgerAsOf.balance(ledger(), LocalDate.of(2026, 11, 30));
        assertThat(balance.balanceCents()).isZero();
        assertThat(balance.linesCounted()).isZero();
    }

    @Test
    void aPaymentCountsFromTheDayItWasReceived() {
        assertThat(LedgerAsOf.balance(ledger(), LocalDate.of(2026, 12, 19)).balanceCents()).isEqualTo(40_000);
        LedgerAsOf.Balance after = LedgerAsOf.balance(ledger(), LocalDate.of(2026, 12, 20));
        assertThat(after.balanceCents()).isEqualTo(35_000);
        assertThat(after.aging().currentCents()).isEqualTo(35_000);
        assertThat(after.pastDueCents()).isZero();
    }

    @Test
    void openBillsAgeByDaysPastTheirDueDate() {
        LedgerAsOf.Aging thirty = LedgerAsOf.balance(ledger(), LocalDate.of(2027, 1, 22)).aging();
        assertThat(thirty.days1To30Cents()).isEqualTo(15_000);
        assertThat(thirty.currentCents()).isEqualTo(20_000);
        LedgerAsOf.Balance thirtyOne = LedgerAsOf.balance(ledger(), LocalDate.of(2027, 1, 23));
        assertThat(thirtyOne.aging().days31To60Cents()).isEqualTo(15_000);
        assertThat(thirtyOne.pastDueCents()).isEqualTo(15_000);
        LedgerAsOf.Aging ninetyOne = LedgerAsOf.balance(ledger(), LocalDate.of(2027, 3, 24)).aging();
        assertThat(ninetyOne.days90PlusCents()).isEqualTo(15_000);
        assertThat(ninetyOne.days31To60Cents()).isEqualTo(20_000);
    }

    /**
     * The events are recorded (TestEvents) on 2026-12-01; the bill was issued on business date 2027-01-10 and the
     * credit it absorbed is spent that day too: neither counts before it, whatever the wall clock said.
     */
    @Test
    void aBillAndTheCreditItAbsorbsAreEffectiveOnItsIssuedBusinessDateNotWhenRecorded() {
        LocalDate issued = LocalDate.of(2027, 1, 10);
        List<LedgerEvent> events = List.of(
                new AccountOpened(ID, "Asa", "APTC", LocalDate.of(2027, 1, 1), "en", null, "service"),
                new PaymentApplied(ID, "P1", 8_000, LocalDate.of(2026, 12, 20), List.of(), 8_000, 0),
                new BillIssued(ID, ID + "-2027-02", "2027-02", LocalDate.of(2027, 1, 23), 50_000, 30_000, 20_000,
                        issued, "service"),
                new CreditApplied(ID, ID + "-2027-02", 8_000, 12_000, 0, 12_000));
        LedgerView view = null;
        for (int sequence = 0; sequence < events.size(); sequence++) {
            view = LedgerFold.apply(view, TestEvents.received(ID, sequence, events.get(sequence)));
        }
        assertThat(view.lines()).extracting(LedgerView.LedgerLine::effectiveDate)
                .containsExactly(LocalDate.of(2026, 12, 20), issued, issued);

        LedgerAsOf.Balance before = LedgerAsOf.balance(view, issued.minusDays(1));
        assertThat(before.balanceCents()).isEqualTo(-8_000);
        assertThat(before.creditCents()).isEqualTo(8_000);
        assertThat(before.openCents()).isZero();
        LedgerAsOf.Balance on = LedgerAsOf.balance(view, issued);
        assertThat(on.balanceCents()).isEqualTo(12_000);
        assertThat(on.openCents()).isEqualTo(12_000);
        assertThat(on.creditCents()).isZero();
        assertThat(on.aging().currentCents()).isEqualTo(12_000);
        assertThat(LedgerAsOf.balance(view, LocalDate.of(2027, 1, 24)).aging().days1To30Cents()).isEqualTo(12_000);
    }

    /** Refunded credit owed back after its payment bounced is receivable from the reversal and ages from it. */
    @Test
    void aRefundOwedBackIsOpenFromTheReversalAndPastDueAfterIt() {
        String owed = RefundOwed.itemId("P1");
        LocalDate reversed = LocalDate.of(2026, 12, 22);
        List<LedgerEvent> events = List.of(
                new AccountOpened(ID, "Asa", "APTC", LocalDate.of(2027, 1, 1), "en", null, "service"),
                new PaymentApplied(ID, "P1", 5_000, LocalDate.of(2026, 12, 20), List.of(), 5_000, 0),
                new CreditRefunded(ID, "R1", "P1", 5_000, "CHECK", LocalDate.of(2026, 12, 21), 0),
                new PaymentReversalApplied(ID, "P1", 5_000, "NSF", reversed,
                        List.of(new BillAllocation(owed, 5_000, 5_000)), 0, 5_000));
        LedgerView view = null;
        for (int sequence = 0; sequence < events.size(); sequence++) {
            view = LedgerFold.apply(view, TestEvents.received(ID, sequence, events.get(sequence)));
        }
        assertThat(view.balanceCents()).isEqualTo(5_000);
        assertThat(view.lines().get(2).description()).contains("$50.00 refunded credit owed back");

        assertThat(LedgerAsOf.balance(view, reversed.minusDays(1)).balanceCents()).isZero();
        LedgerAsOf.Balance onTheDay = LedgerAsOf.balance(view, reversed);
        assertThat(onTheDay.balanceCents()).isEqualTo(5_000);
        assertThat(onTheDay.openCents()).isEqualTo(5_000);
        assertThat(onTheDay.pastDueCents()).isZero();
        LedgerAsOf.Balance later = LedgerAsOf.balance(view, reversed.plusDays(31));
        assertThat(later.pastDueCents()).isEqualTo(5_000);
        assertThat(later.aging().days31To60Cents()).isEqualTo(5_000);
        assertThat(later.creditCents()).isZero();
    }

    @Test
    void csvHasOneRowPerLineAndQuotesCommas() {
        String csv = LedgerCsv.write(ledger().lines());
        String[] rows = csv.split("\r\n");
        assertThat(rows).hasSize(4);
        assertThat(rows[0]).isEqualTo(LedgerCsv.HEADER);
        assertThat(rows[3]).contains("PaymentApplied", "ASOF-1-2027-01:5000", "2026-12-20");
    }
}
