package com.premiumledger.notification.trigger;

import com.premiumledger.events.BillIssued;
import com.premiumledger.events.PaymentMissed;
import com.premiumledger.events.PaymentRecorded;
import com.premiumledger.notification.notice.IssueNoticeCommand;
import com.premiumledger.notification.notice.NoticeChannel;
import com.premiumledger.notification.notice.NoticeIds;
import com.premiumledger.notification.notice.NoticeType;

/** Which notice each trigger event asks for: pure functions, so the amounts and dates are easy to check. */
final class NoticeTriggers {

    private NoticeTriggers() {
    }

    static IssueNoticeCommand billReady(BillIssued bill, String eventId, NoticeChannel channel) {
        return new IssueNoticeCommand(NoticeIds.billReady(bill.billId()), bill.accountId(), NoticeType.BILL_READY,
                channel, bill.amountDueCents(), bill.dueDate(), eventId);
    }

    /** The member gets {@code payWithinDays} from the day the payment was found missing, not from the due date. */
    static IssueNoticeCommand pastDueWarning(PaymentMissed missed, String eventId, NoticeChannel channel,
                                             int payWithinDays) {
        return new IssueNoticeCommand(NoticeIds.pastDueWarning(missed.billId()), missed.accountId(),
                NoticeType.PAST_DUE_WARNING, channel, missed.openCents(),
                missed.businessDate().plusDays(payWithinDays), eventId);
    }

    /** Keyed by payment id: the same payment reported again under a new event id is still one notice. */
    static IssueNoticeCommand paymentReceived(PaymentRecorded payment, String eventId, NoticeChannel channel) {
        return new IssueNoticeCommand(NoticeIds.paymentReceived(payment.paymentId()), payment.accountId(),
                NoticeType.PAYMENT_RECEIVED, channel, payment.amountCents(), null, eventId);
    }
}
