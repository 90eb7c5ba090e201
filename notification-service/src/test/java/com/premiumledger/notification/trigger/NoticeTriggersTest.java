package com.premiumledger.notification.trigger;

import static org.assertj.core.api.Assertions.assertThat;

import com.premiumledger.events.AutopayEnrolled;
import com.premiumledger.events.AutopayFailed;
import com.premiumledger.events.BillIssued;
import com.premiumledger.events.CoverageStatusChanged;
import com.premiumledger.events.PaymentReversed;
import com.premiumledger.notification.account.AccountState;
import com.premiumledger.notification.account.AccountState.Autopay;
import com.premiumledger.notification.account.AccountState.BillFact;
import com.premiumledger.notification.notice.IssueNoticeCommand;
import com.premiumledger.notification.notice.NoticeChannel;
import com.premiumledger.notification.notice.NoticeType;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class NoticeTriggersTest {

    static final LocalDate FEB_DUE = LocalDate.of(2027, 1, 23);
    static final LocalDate MAR_DUE = LocalDate.of(2027, 2, 23);

    /** Issue 4's APTC account: February ($200) and March ($200) unpaid, April not yet due. */
    static AccountState unpaid() {
        return new AccountState("A1", "APTC", List.of(
                new BillFact("A1-2027-01", "2027-01", LocalDate.of(2026, 12, 23), 20_000, 0),
                new BillFact("A1-2027-02", "2027-02", FEB_DUE, 20_000, 20_000),
                new BillFact("A1-2027-03", "2027-03", MAR_DUE, 20_000, 20_000),
                new BillFact("A1-2027-04", "2027-04", LocalDate.of(2027, 3, 23), 20_000, 20_000)),
                Autopay.NONE, null);
    }

    static CoverageStatusChanged change(String from, String to, LocalDate effective, LocalDate termination) {
        return new CoverageStatusChanged("A1", "APTC", from, to, "test", effective, LocalDate.of(2027, 2, 1),
                LocalDate.of(2027, 4, 30), LocalDate.of(2027, 1, 31), termination, "cause-1");
    }

    @Test
    void aBillAsksForTheNetAmountByTheDueDate() {
        BillIssued bill = new BillIssued("A1", "A1-2027-02", "2027-02", FEB_DUE, 50_000, 30_000, 20_000,
                LocalDate.of(2026, 12, 1), "test");
        NoticeDecision decision = NoticeTriggers.billReady(bill, "e1", NoticeChannel.EMAIL);
        assertThat(decision.command()).isEqualTo(new IssueNoticeCommand("BILL_READY:A1-2027-02", "A1",
                NoticeType.BILL_READY, NoticeChannel.EMAIL, 20_000, FEB_DUE, "e1"));
        assertThat(decision.facts()).containsEntry("coverageMonth", "2027-02").containsEntry("dueDate", "2027-01-23");
    }

    @Test
    void graceStartingIsAPastDueWarningForWhatWasPastDueThatDayPayableByTheGraceEnd() {
        NoticeDecision warning = NoticeTriggers.coverageChanged(change("ACTIVE", "GRACE", LocalDate.of(2027, 1, 24),
                null), "e2", NoticeChannel.LETTER, unpaid()).orElseThrow();
        assertThat(warning.command()).isEqualTo(new IssueNoticeCommand("PAST_DUE_WARNING:A1:2027-02-01", "A1",
                NoticeType.PAST_DUE_WARNING, NoticeChannel.LETTER, 20_000, LocalDate.of(2027, 4, 30), "e2"));
        assertThat(warning.facts()).containsEntry("graceStart", "2027-02-01").containsEntry("graceEnd", "2027-04-30");
    }

    @Test
    void suspensionCountsEveryBillPastDueWhenItTakesEffect() {
        NoticeDecision suspension = NoticeTriggers.coverageChanged(change("GRACE", "SUSPENDED",
                LocalDate.of(2027, 3, 1), null), "e3", NoticeChannel.EMAIL, unpaid()).orElseThrow();
        assertThat(suspension.command().noticeId()).isEqualTo("SUSPENSION:A1:2027-02-01");
        assertThat(suspension.command().amountCents()).isEqualTo(40_000);
        assertThat(suspension.command().payByDate()).isEqualTo(LocalDate.of(2027, 4, 30));
    }

    /** As coverage-service sends it: effective on the (retroactive) termination date, decided on 2027-05-01. */
    @Test
    void terminationStatesItsEffectiveDateAndWhatWasPastDueWhenTheGraceRanOut() {
        NoticeDecision termination = NoticeTriggers.coverageChanged(change("SUSPENDED", "TERMINATED",
                LocalDate.of(2027, 2, 28), LocalDate.of(2027, 2, 28)), "e4", NoticeChannel.EMAIL, unpaid())
                .orElseThrow();
        assertThat(termination.command().noticeId()).isEqualTo("TERMINATION:A1:2027-02-28");
        assertThat(termination.command().type()).isEqualTo(NoticeType.TERMINATION);
        assertThat(termination.command().payByDate()).isNull();
        assertThat(termination.command().amountCents()).isEqualTo(60_000);
        assertThat(termination.facts()).containsEntry("terminationEffectiveDate", "2027-02-28")
                .containsEntry("owedCents", "60000").containsEntry("owedByDate", "2027-01-23");
    }

    @Test
    void onlyAReturnFromGraceIsAReinstatement() {
        assertThat(NoticeTriggers.coverageChanged(change("SUSPENDED", "ACTIVE", LocalDate.of(2027, 3, 15), null),
                "e5", NoticeChannel.EMAIL, unpaid()).orElseThrow().command().noticeId())
                .isEqualTo("REINSTATEMENT:A1:2027-03-15");
        assertThat(NoticeTriggers.coverageChanged(change("PENDING_PAYMENT", "ACTIVE", LocalDate.of(2027, 1, 1),
                null), "e6", NoticeChannel.EMAIL, unpaid())).isEmpty();
        assertThat(NoticeTriggers.coverageChanged(change(null, "PENDING_PAYMENT", LocalDate.of(2027, 1, 1), null),
                "e7", NoticeChannel.EMAIL, unpaid())).isEmpty();
    }

    @Test
    void aReturnedPaymentIsOwedAgainWithinTheConfiguredDays() {
        PaymentReversed reversed = new PaymentReversed("P1", "A1", 15_000, "CHECK", "RETURNED_CHECK",
                LocalDate.of(2027, 1, 20), "bank");
        IssueNoticeCommand command = NoticeTriggers.paymentReturned(reversed, "e8", NoticeChannel.SMS, 10).command();
        assertThat(command).isEqualTo(new IssueNoticeCommand("PAYMENT_RETURNED:P1", "A1", NoticeType.PAYMENT_RETURNED,
                NoticeChannel.SMS, 15_000, LocalDate.of(2027, 1, 30), "e8"));
    }

    @Test
    void aFailedAutopayIsDueByTheBillsDueDateWhileThatIsAhead() {
        AutopayFailed failed = new AutopayFailed("A1", "A1-2027-02", 20_000, "NSF", "runner");
        assertThat(NoticeTriggers.autopayFailed(failed, "e9", NoticeChannel.EMAIL, unpaid(),
                Optional.of(LocalDate.of(2027, 1, 20)), 10).command().payByDate()).isEqualTo(FEB_DUE);
        assertThat(NoticeTriggers.autopayFailed(failed, "e9", NoticeChannel.EMAIL, unpaid(),
                Optional.of(FEB_DUE), 10).command().payByDate()).isEqualTo(LocalDate.of(2027, 2, 2));
        assertThat(NoticeTriggers.autopayFailed(failed, "e9", NoticeChannel.EMAIL, unpaid(), Optional.empty(), 10)
                .command().noticeId()).isEqualTo("AUTOPAY_FAILED:A1-2027-02");
    }

    @Test
    void autopayEnrollmentIsOnePerAccountAndBusinessDate() {
        AutopayEnrolled enrolled = new AutopayEnrolled("A1", "CARD", "4242", "service", LocalDate.of(2027, 1, 2));
        NoticeDecision decision = NoticeTriggers.autopayEnrolled(enrolled, "e10", NoticeChannel.EMAIL, unpaid());
        assertThat(decision.command().noticeId()).isEqualTo("AUTOPAY_ENROLLED:A1:2027-01-02");
        assertThat(decision.facts()).containsEntry("method", "CARD").containsEntry("lastFour", "4242");
    }
}
