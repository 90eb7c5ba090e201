package com.premiumledger.billing.accounting;

import static com.premiumledger.billing.accounting.ChartOfAccounts.CASH_REFUNDS;
import static com.premiumledger.billing.accounting.ChartOfAccounts.MEMBER_CREDIT;
import static com.premiumledger.billing.accounting.ChartOfAccounts.MEMBER_RECEIVABLE;
import static com.premiumledger.billing.accounting.ChartOfAccounts.PREMIUM_BILLED;
import static com.premiumledger.billing.accounting.ChartOfAccounts.SUBSIDY_RECEIVABLE;
import static com.premiumledger.billing.accounting.ChartOfAccounts.UNAPPLIED_CASH;
import static com.premiumledger.billing.accounting.ChartOfAccounts.cash;

import com.premiumledger.events.BillAllocation;
import com.premiumledger.events.BillIssued;
import com.premiumledger.events.CreditApplied;
import com.premiumledger.events.CreditRefunded;
import com.premiumledger.events.LedgerEvent;
import com.premiumledger.events.PaymentApplied;
import com.premiumledger.events.PaymentRecorded;
import com.premiumledger.events.PaymentReversalApplied;
import com.premiumledger.events.PaymentReversed;
import com.premiumledger.events.UnappliedPaymentReceived;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Objects;

/**
 * The double entry of each event: which ledger accounts it debits and credits, on which day. Pure. Every
 * result is checked to balance before anyone can write it. Events that move no money (an account opened, a
 * payment assigned but not yet applied, a refund requested or rejected, a missed payment) post nothing.
 */
public final class EventPostings {

    /** The postings of one event, effective on one business day. */
    public record Entry(LocalDate effectiveDate, List<Posting> postings) {

        public Entry {
            postings = postings.stream().filter(posting -> posting.debitCents() + posting.creditCents() > 0).toList();
        }

        public long debitCents() {
            return postings.stream().mapToLong(Posting::debitCents).sum();
        }

        public long creditCents() {
            return postings.stream().mapToLong(Posting::creditCents).sum();
        }
    }

    private static final Entry NONE = new Entry(null, List.of());

    private EventPostings() {
    }

    /** {@code eventTime} dates the events that carry no business date of their own. */
    public static Entry of(LedgerEvent event, Instant eventTime) {
        Entry entry = entry(event, LocalDate.ofInstant(eventTime, ZoneOffset.UTC));
        if (entry.debitCents() != entry.creditCents()) {
            throw new IllegalStateException(event.getClass().getSimpleName() + " posts " + entry.debitCents()
                    + " cents of debits against " + entry.creditCents() + " of credits");
        }
        return entry;
    }

    private static Entry entry(LedgerEvent event, LocalDate eventDate) {
        if (event instanceof BillIssued bill) {
            return new Entry(bill.issuedDate(), List.of(Posting.debit(MEMBER_RECEIVABLE, bill.amountDueCents()),
                    Posting.debit(SUBSIDY_RECEIVABLE, bill.subsidyCents()),
                    Posting.credit(PREMIUM_BILLED, bill.grossPremiumCents())));
        }
        if (event instanceof PaymentRecorded payment) {
            return cashIn(or(payment.receivedDate(), eventDate), payment.method(), payment.amountCents());
        }
        if (event instanceof UnappliedPaymentReceived payment) {
            return cashIn(or(payment.receivedDate(), eventDate), payment.method(), payment.amountCents());
        }
        if (event instanceof PaymentApplied payment) {
            long billsCents = payment.allocations().stream().mapToLong(BillAllocation::amountCents).sum();
            return new Entry(or(payment.receivedDate(), eventDate), List.of(
                    Posting.debit(UNAPPLIED_CASH, payment.amountCents()), Posting.credit(MEMBER_RECEIVABLE, billsCents),
                    Posting.credit(MEMBER_CREDIT, payment.creditCents())));
        }
        if (event instanceof CreditApplied credit) {
            return new Entry(eventDate, List.of(Posting.debit(MEMBER_CREDIT, credit.amountCents()),
                    Posting.credit(MEMBER_RECEIVABLE, credit.amountCents())));
        }
        if (event instanceof PaymentReversed reversed) {
            return new Entry(or(reversed.reversedDate(), eventDate), List.of(
                    Posting.debit(UNAPPLIED_CASH, reversed.amountCents()),
                    Posting.credit(cash(reversed.method()), reversed.amountCents())));
        }
        if (event instanceof PaymentReversalApplied reversal) {
            return reversalApplied(reversal, eventDate);
        }
        if (event instanceof CreditRefunded refund) {
            return new Entry(or(refund.refundedDate(), eventDate), List.of(
                    Posting.debit(MEMBER_CREDIT, refund.amountCents()),
                    Posting.credit(CASH_REFUNDS, refund.amountCents())));
        }
        return NONE;
    }

    private static Entry cashIn(LocalDate date, String method, long amountCents) {
        return new Entry(date, List.of(Posting.debit(cash(method), amountCents),
                Posting.credit(UNAPPLIED_CASH, amountCents)));
    }

    /**
     * The reversal takes the whole payment back off the account, so unapplied cash is credited with all of it
     * (it was debited so when the cash went back). The receivable is debited with what is open again, which
     * includes refunded credit the member now owes back; the member credit with the credit removed.
     */
    private static Entry reversalApplied(PaymentReversalApplied reversal, LocalDate eventDate) {
        long reopenedCents = reversal.reopened().stream().mapToLong(BillAllocation::amountCents).sum();
        return new Entry(or(reversal.reversedDate(), eventDate), List.of(
                Posting.debit(MEMBER_RECEIVABLE, reopenedCents),
                Posting.debit(MEMBER_CREDIT, reversal.creditReversedCents()),
                Posting.credit(UNAPPLIED_CASH, reopenedCents + reversal.creditReversedCents())));
    }

    private static LocalDate or(LocalDate date, LocalDate fallback) {
        return Objects.requireNonNullElse(date, fallback);
    }
}
