package com.premiumledger.billing.account;

import static org.assertj.core.api.Assertions.assertThat;

import com.premiumledger.billing.accounting.EventPostings;
import com.premiumledger.billing.accounting.Posting;
import com.premiumledger.events.BillAllocation;
import com.premiumledger.events.BillIssued;
import com.premiumledger.events.CreditRefunded;
import com.premiumledger.events.LedgerEvent;
import com.premiumledger.events.PaymentApplied;
import com.premiumledger.events.PaymentReversalApplied;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Random stories of bills, payments, assignments, reversals, refunds and closed days, driven through the
 * account's pure decisions: the books always balance and agree with the account. Seeded ({@link Stories}).
 */
class LedgerPropertiesTest {

    private static final Instant EVENT_TIME = Instant.parse("2026-12-01T10:00:00Z");

    @Test
    void postingsOfEveryEventNetToZeroAndMatchTheAccount() {
        Stories.forEach(300, LedgerPropertiesTest::postingsNetToZeroAndMatchTheAccount);
    }

    private static void postingsNetToZeroAndMatchTheAccount(List<LedgerScenario.Step> story) {
        LedgerScenario scenario = LedgerScenario.run(story);
        List<LedgerEvent> all = new ArrayList<>(scenario.accountEvents());
        all.addAll(scenario.paymentEvents());
        Map<String, Long> netByAccount = new HashMap<>();
        long debitCents = 0;
        long creditCents = 0;
        for (LedgerEvent event : all) {
            EventPostings.Entry entry = EventPostings.of(event, EVENT_TIME);
            assertThat(entry.debitCents()).as("%s", event).isEqualTo(entry.creditCents());
            for (Posting posting : entry.postings()) {
                netByAccount.merge(posting.ledgerAccount(), posting.debitCents() - posting.creditCents(), Long::sum);
            }
            debitCents += entry.debitCents();
            creditCents += entry.creditCents();
        }
        assertThat(debitCents).isEqualTo(creditCents);
        assertThat(netByAccount.values().stream().mapToLong(Long::longValue).sum()).isZero();
        // The receivable is exactly what the bills still owe, the member credit exactly what the account holds.
        assertThat(netByAccount.getOrDefault("MEMBER_RECEIVABLE", 0L)).isEqualTo(scenario.openCents());
        assertThat(-netByAccount.getOrDefault("MEMBER_CREDIT", 0L)).isEqualTo(scenario.creditCents());
        // With bills open, no credit may sit idle: it pays them as explicit events.
        assertThat(scenario.openCents() == 0 || scenario.creditCents() == 0).isTrue();
        // Every payment here reached the account, and a reversal takes all of it back (refunded credit becomes
        // owed back): so no cash is left unapplied, whatever was refunded before a reversal.
        assertThat(netByAccount.getOrDefault("UNAPPLIED_CASH", 0L)).isZero();
    }

    /**
     * Money is conserved: what is owed less credit is what was billed less the cash still standing, plus what
     * was refunded. A reversal takes back its whole amount, always: what it paid on bills, the credit it left,
     * and any of that credit already refunded, which the member owes back as an open item.
     */
    @Test
    void balanceIsBilledLessStandingCashPlusRefunds() {
        Stories.forEach(300, LedgerPropertiesTest::balanceIsBilledLessStandingCashPlusRefunds);
    }

    private static void balanceIsBilledLessStandingCashPlusRefunds(List<LedgerScenario.Step> story) {
        LedgerScenario scenario = LedgerScenario.run(story);
        long billedCents = 0;
        long standingCashCents = 0;
        long refundedCents = 0;
        for (LedgerEvent event : scenario.accountEvents()) {
            if (event instanceof BillIssued bill) {
                billedCents += bill.amountDueCents();
            } else if (event instanceof PaymentApplied payment) {
                standingCashCents += payment.amountCents();
            } else if (event instanceof PaymentReversalApplied reversal) {
                standingCashCents -= reversal.amountCents();
                assertThat(reversal.creditReversedCents() + reversal.reopened().stream()
                        .mapToLong(BillAllocation::amountCents).sum()).as("%s", reversal)
                        .isEqualTo(reversal.amountCents());
            } else if (event instanceof CreditRefunded refund) {
                refundedCents += refund.amountCents();
            }
        }
        assertThat(scenario.openCents() - scenario.creditCents())
                .isEqualTo(billedCents - standingCashCents + refundedCents);
    }
}
