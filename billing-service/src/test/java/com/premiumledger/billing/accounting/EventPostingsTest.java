package com.premiumledger.billing.accounting;

import static org.assertj.core.api.Assertions.assertThat;

import com.premiumledger.billing.account.RefundOwed;
import com.premiumledger.events.AccountOpened;
import com.premiumledger.events.BillAllocation;
import com.premiumledger.events.BillIssued;
import com.premiumledger.events.CreditApplied;
import com.premiumledger.events.CreditRefunded;
import com.premiumledger.events.PaymentApplied;
import com.premiumledger.events.PaymentAssigned;
import com.premiumledger.events.PaymentRecorded;
import com.premiumledger.events.PaymentReversalApplied;
import com.premiumledger.events.PaymentReversed;
import com.premiumledger.events.RefundRequested;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class EventPostingsTest {

    private static final Instant TIME = Instant.parse("2026-12-01T23:30:00Z");
    private static final LocalDate DAY = LocalDate.of(2027, 1, 5);

    @Test
    void aBillDebitsBothReceivablesAndCreditsTheGrossPremiumOnItsIssuedDate() {
        EventPostings.Entry entry = EventPostings.of(new BillIssued("A", "A-2027-01", "2027-01",
                LocalDate.of(2026, 12, 23), 50_000, 30_000, 20_000, LocalDate.of(2026, 12, 3), "service"), TIME);
        // The business date it was issued on, not the day it was recorded (TIME is 2026-12-01).
        assertThat(entry.effectiveDate()).isEqualTo(LocalDate.of(2026, 12, 3));
        assertThat(entry.postings()).containsExactly(Posting.debit("MEMBER_RECEIVABLE", 20_000),
                Posting.debit("SUBSIDY_RECEIVABLE", 30_000), Posting.credit("PREMIUM_BILLED", 50_000));
    }

    @Test
    void cashComesInAsUnappliedAndIsAppliedToBillsAndCredit() {
        assertThat(EventPostings.of(new PaymentRecorded("P", "A", 25_000, "MONEY_ORDER", "MAIL", DAY, null, null,
                "M1", "k", "service"), TIME).postings()).containsExactly(Posting.debit("CASH_MONEY_ORDER", 25_000),
                Posting.credit("UNAPPLIED_CASH", 25_000));
        EventPostings.Entry applied = EventPostings.of(new PaymentApplied("A", "P", 25_000, DAY,
                List.of(new BillAllocation("A-2027-01", 20_000, 0)), 5_000, 0), TIME);
        assertThat(applied.effectiveDate()).isEqualTo(DAY);
        assertThat(applied.postings()).containsExactly(Posting.debit("UNAPPLIED_CASH", 25_000),
                Posting.credit("MEMBER_RECEIVABLE", 20_000), Posting.credit("MEMBER_CREDIT", 5_000));
        assertThat(EventPostings.of(new CreditApplied("A", "A-2027-02", 5_000, 15_000, 0, 15_000), TIME).postings())
                .containsExactly(Posting.debit("MEMBER_CREDIT", 5_000), Posting.credit("MEMBER_RECEIVABLE", 5_000));
    }

    /**
     * P paid 20,000 on a bill and left 5,000 credit, which was refunded; P bounces. The cash goes back (unapplied
     * cash debited 25,000), the bill opens again and the refunded 5,000 is owed back: both on the receivable, and
     * unapplied cash is credited the whole 25,000, so nothing is left on it.
     */
    @Test
    void aReversalAfterARefundPutsTheRefundedAmountOnTheReceivableNotOnUnappliedCash() {
        EventPostings.Entry cashBack = EventPostings.of(new PaymentReversed("P", "A", 25_000, "ACH", "NSF", DAY,
                "payments"), TIME);
        EventPostings.Entry applied = EventPostings.of(new PaymentReversalApplied("A", "P", 25_000, "NSF", DAY,
                List.of(new BillAllocation("A-2027-01", 20_000, 20_000),
                        new BillAllocation(RefundOwed.itemId("P"), 5_000, 5_000)), 0, 25_000), TIME);

        assertThat(applied.postings()).containsExactly(Posting.debit("MEMBER_RECEIVABLE", 25_000),
                Posting.credit("UNAPPLIED_CASH", 25_000));
        long unappliedNet = java.util.stream.Stream.of(cashBack, applied).flatMap(entry -> entry.postings().stream())
                .filter(posting -> posting.ledgerAccount().equals("UNAPPLIED_CASH"))
                .mapToLong(posting -> posting.debitCents() - posting.creditCents()).sum();
        assertThat(unappliedNet).isZero();
    }

    @Test
    void reversalsAndRefundsPostTheirWayBack() {
        assertThat(EventPostings.of(new PaymentReversed("P", "A", 25_000, "ACH", "NSF", DAY, "payments"), TIME)
                .postings()).containsExactly(Posting.debit("UNAPPLIED_CASH", 25_000),
                        Posting.credit("CASH_ACH", 25_000));
        assertThat(EventPostings.of(new PaymentReversalApplied("A", "P", 25_000, "NSF", DAY,
                List.of(new BillAllocation("A-2027-01", 20_000, 20_000)), 5_000, 20_000), TIME).postings())
                .containsExactly(Posting.debit("MEMBER_RECEIVABLE", 20_000), Posting.debit("MEMBER_CREDIT", 5_000),
                        Posting.credit("UNAPPLIED_CASH", 25_000));
        assertThat(EventPostings.of(new CreditRefunded("A", "R", "P", 3_000, "CHECK", DAY, 2_000), TIME).postings())
                .containsExactly(Posting.debit("MEMBER_CREDIT", 3_000), Posting.credit("CASH_REFUNDS", 3_000));
    }

    @Test
    void eventsThatMoveNoMoneyPostNothing() {
        assertThat(EventPostings.of(new AccountOpened("A", "N", "APTC", DAY, "en", null, "s"), TIME).postings())
                .isEmpty();
        assertThat(EventPostings.of(new PaymentAssigned("P", "A", 1, "CHECK", "MAIL", DAY, "op", null), TIME)
                .postings()).isEmpty();
        assertThat(EventPostings.of(new RefundRequested("R", "P", "A", 1, "CHECK", DAY, "s"), TIME).postings())
                .isEmpty();
    }

    @Test
    void aStreamKeepsTotalsOverallAndPerDay() {
        PostingStream stream = PostingStream.empty("A")
                .posted(EventPostings.of(new BillIssued("A", "A-2027-01", "2027-01", LocalDate.of(2026, 12, 23), 50_000,
                        30_000, 20_000, LocalDate.of(2026, 12, 1), "service"), TIME), 1)
                .posted(EventPostings.of(new PaymentApplied("A", "P", 25_000, DAY,
                        List.of(new BillAllocation("A-2027-01", 20_000, 0)), 5_000, 0), TIME), 2);
        stream.checkBalanced();
        assertThat(stream.lastSequence()).isEqualTo(2);
        assertThat(stream.totals().get("MEMBER_RECEIVABLE")).isEqualTo(new PostingStream.Totals(20_000, 20_000));
        assertThat(stream.days()).containsOnlyKeys("2026-12-01", "2027-01-05");
        assertThat(stream.days().get("2027-01-05").get("MEMBER_CREDIT")).isEqualTo(new PostingStream.Totals(0, 5_000));
    }
}
