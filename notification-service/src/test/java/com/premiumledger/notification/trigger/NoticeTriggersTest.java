package com.premiumledger.notification.trigger;

import static org.assertj.core.api.Assertions.assertThat;

import com.premiumledger.events.BillIssued;
import com.premiumledger.events.PaymentMissed;
import com.premiumledger.events.PaymentRecorded;
import com.premiumledger.notification.notice.IssueNoticeCommand;
import com.premiumledger.notification.notice.NoticeChannel;
import com.premiumledger.notification.notice.NoticeType;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class NoticeTriggersTest {

    @Test
    void aBillAsksForTheNetAmountByTheDueDate() {
        BillIssued bill = new BillIssued("A1", "A1:2027-02", "2027-02", LocalDate.of(2027, 1, 23), 50_000, 30_000,
                20_000, "test");
        assertThat(NoticeTriggers.billReady(bill, "e1", NoticeChannel.EMAIL)).isEqualTo(new IssueNoticeCommand(
                "BILL_READY:A1:2027-02", "A1", NoticeType.BILL_READY, NoticeChannel.EMAIL, 20_000,
                LocalDate.of(2027, 1, 23), "e1"));
    }

    @Test
    void aMissedPaymentAsksForTheOpenAmountWithinTheConfiguredDays() {
        PaymentMissed missed = new PaymentMissed("A1", "A1:2027-02", "2027-02", LocalDate.of(2027, 1, 23), 12_345,
                LocalDate.of(2027, 1, 24), "calendar");
        assertThat(NoticeTriggers.pastDueWarning(missed, "e2", NoticeChannel.LETTER, 30)).isEqualTo(
                new IssueNoticeCommand("PAST_DUE_WARNING:A1:2027-02", "A1", NoticeType.PAST_DUE_WARNING,
                        NoticeChannel.LETTER, 12_345, LocalDate.of(2027, 2, 23), "e2"));
        assertThat(NoticeTriggers.pastDueWarning(missed, "e2", NoticeChannel.LETTER, 10).payByDate())
                .isEqualTo(LocalDate.of(2027, 2, 3));
    }

    @Test
    void aPaymentIsKeyedByItsPaymentIdAndAsksForNothing() {
        PaymentRecorded payment = new PaymentRecorded("P1", "A1", 15_000, "ACH", "ONLINE", LocalDate.of(2027, 1, 25),
                null, "6789", null, "key-1", "service");
        IssueNoticeCommand first = NoticeTriggers.paymentReceived(payment, "e3", NoticeChannel.EMAIL);
        IssueNoticeCommand resent = NoticeTriggers.paymentReceived(payment, "e4", NoticeChannel.EMAIL);
        assertThat(first).isEqualTo(new IssueNoticeCommand("PAYMENT_RECEIVED:P1", "A1", NoticeType.PAYMENT_RECEIVED,
                NoticeChannel.EMAIL, 15_000, null, "e3"));
        assertThat(resent.noticeId()).isEqualTo(first.noticeId());
    }
}
