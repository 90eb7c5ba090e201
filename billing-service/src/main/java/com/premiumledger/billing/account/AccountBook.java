package com.premiumledger.billing.account;

import com.premiumledger.events.AccountOpened;
import com.premiumledger.events.BillAllocation;
import com.premiumledger.events.BillIssued;
import com.premiumledger.events.CreditApplied;
import com.premiumledger.events.CreditRefunded;
import com.premiumledger.events.LedgerEvent;
import com.premiumledger.events.PaymentApplied;
import com.premiumledger.events.PaymentMissed;
import com.premiumledger.events.PaymentReversalApplied;
import com.premiumledger.events.RefundRejected;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * An account's state as its events leave it: bills, credit, and which payment paid what. Only
 * {@link #evolve} changes it, and it never decides; {@link AccountDecisions} decides against it. Kept apart
 * from the aggregate so that the decisions can be driven without Axon (property tests).
 *
 * <p>Credit is held in lots, one per payment that overpaid, spent oldest lot first. That attribution is what
 * lets a reversal take back exactly what its payment paid, including bills its credit paid later.
 *
 * <p>Besides bills the account may hold {@link RefundOwed} items: refunded credit whose payment was reversed.
 * They are open money like bills (paid oldest first, re-opened by reversals) but never missed.
 */
final class AccountBook {

    private String accountId;
    private LocalDate coverageStart;
    private final Map<String, BillState> bills = new LinkedHashMap<>();
    private final Map<String, BillState> refundsOwed = new LinkedHashMap<>();
    private final Set<String> appliedPaymentIds = new HashSet<>();
    private final Set<String> reversedPaymentIds = new HashSet<>();
    private final Set<String> decidedRefundIds = new HashSet<>();
    private final Map<String, Long> creditHeldByPayment = new LinkedHashMap<>();
    /** Per payment, what it paid on each bill: directly, or through the credit it left. */
    private final Map<String, Map<String, Long>> paidByPayment = new LinkedHashMap<>();
    private long creditCents;

    AccountBook copy() {
        AccountBook copy = new AccountBook();
        copy.accountId = accountId;
        copy.coverageStart = coverageStart;
        copy.bills.putAll(bills);
        copy.refundsOwed.putAll(refundsOwed);
        copy.appliedPaymentIds.addAll(appliedPaymentIds);
        copy.reversedPaymentIds.addAll(reversedPaymentIds);
        copy.decidedRefundIds.addAll(decidedRefundIds);
        copy.creditHeldByPayment.putAll(creditHeldByPayment);
        paidByPayment.forEach((paymentId, paid) -> copy.paidByPayment.put(paymentId, new LinkedHashMap<>(paid)));
        copy.creditCents = creditCents;
        return copy;
    }

    void evolve(LedgerEvent event) {
        if (event instanceof AccountOpened opened) {
            accountId = opened.accountId();
            coverageStart = opened.coverageStart();
        } else if (event instanceof BillIssued issued) {
            bills.put(issued.billId(), new BillState(issued.billId(), issued.coverageMonth(), issued.dueDate(),
                    issued.grossPremiumCents(), issued.subsidyCents(), issued.amountDueCents(), 0, false));
        } else if (event instanceof PaymentApplied payment) {
            applied(payment);
        } else if (event instanceof CreditApplied credit) {
            paid(credit.billId(), credit.amountCents());
            spendCredit(null, credit.amountCents(), credit.billId());
        } else if (event instanceof PaymentReversalApplied reversal) {
            reversed(reversal);
        } else if (event instanceof CreditRefunded refund) {
            decidedRefundIds.add(refund.refundId());
            spendCredit(refund.paymentId(), refund.amountCents(), null);
        } else if (event instanceof RefundRejected rejected) {
            decidedRefundIds.add(rejected.refundId());
        } else if (event instanceof PaymentMissed missed) {
            bills.computeIfPresent(missed.billId(), (id, bill) -> bill.markedMissed());
        }
    }

    private void applied(PaymentApplied payment) {
        appliedPaymentIds.add(payment.paymentId());
        Map<String, Long> paid = paidByPayment.computeIfAbsent(payment.paymentId(), id -> new LinkedHashMap<>());
        for (BillAllocation allocation : payment.allocations()) {
            paid(allocation.billId(), allocation.amountCents());
            paid.merge(allocation.billId(), allocation.amountCents(), Long::sum);
        }
        if (payment.creditCents() > 0) {
            creditHeldByPayment.merge(payment.paymentId(), payment.creditCents(), Long::sum);
            creditCents += payment.creditCents();
        }
    }

    private void reversed(PaymentReversalApplied reversal) {
        reversedPaymentIds.add(reversal.paymentId());
        for (BillAllocation reopened : reversal.reopened()) {
            if (RefundOwed.isItem(reopened.billId()) && !refundsOwed.containsKey(reopened.billId())) {
                refundsOwed.put(reopened.billId(), owedItem(reopened, reversal.reversedDate()));
            } else {
                paid(reopened.billId(), -reopened.amountCents());
            }
        }
        paidByPayment.remove(reversal.paymentId());
        spendCredit(reversal.paymentId(), reversal.creditReversedCents(), null);
    }

    /** A refund owed back, due on the reversal's date. */
    private static BillState owedItem(BillAllocation reopened, LocalDate reversedDate) {
        return new BillState(reopened.billId(), YearMonth.from(reversedDate).toString(), reversedDate,
                reopened.amountCents(), 0, reopened.amountCents(), 0, false);
    }

    /** Money paid on (negative: re-opened on) a bill or an owed refund. */
    private void paid(String itemId, long amountCents) {
        Map<String, BillState> items = RefundOwed.isItem(itemId) ? refundsOwed : bills;
        items.computeIfPresent(itemId, (id, item) -> item.paid(amountCents));
    }

    /**
     * Takes {@code amountCents} of credit: from {@code preferredPaymentId}'s lot first, then oldest lot first.
     * When it paid a bill, each lot it came from is recorded as having paid that bill.
     */
    private void spendCredit(String preferredPaymentId, long amountCents, String billId) {
        creditCents -= amountCents;
        long remainingCents = amountCents;
        if (preferredPaymentId != null && creditHeldByPayment.containsKey(preferredPaymentId)) {
            remainingCents -= takeFromLot(preferredPaymentId, remainingCents, billId);
        }
        for (String paymentId : List.copyOf(creditHeldByPayment.keySet())) {
            if (remainingCents == 0) {
                break;
            }
            remainingCents -= takeFromLot(paymentId, remainingCents, billId);
        }
    }

    private long takeFromLot(String paymentId, long wantedCents, String billId) {
        long heldCents = creditHeldByPayment.get(paymentId);
        long takenCents = Math.min(heldCents, wantedCents);
        if (takenCents == heldCents) {
            creditHeldByPayment.remove(paymentId);
        } else {
            creditHeldByPayment.put(paymentId, heldCents - takenCents);
        }
        if (billId != null && takenCents > 0) {
            paidByPayment.computeIfAbsent(paymentId, id -> new LinkedHashMap<>()).merge(billId, takenCents, Long::sum);
        }
        return takenCents;
    }

    String accountId() {
        return accountId;
    }

    LocalDate coverageStart() {
        return coverageStart;
    }

    Map<String, BillState> bills() {
        return bills;
    }

    BillState bill(String billId) {
        return bills.get(billId);
    }

    /** Refunds owed back after their payment was reversed, by {@link RefundOwed} id. */
    Map<String, BillState> refundsOwed() {
        return refundsOwed;
    }

    /** A bill or an owed refund: whatever money can be open on. */
    BillState openItem(String itemId) {
        return RefundOwed.isItem(itemId) ? refundsOwed.get(itemId) : bills.get(itemId);
    }

    long creditCents() {
        return creditCents;
    }

    /** Open on bills and on refunds owed back. */
    long openCents() {
        return bills.values().stream().mapToLong(BillState::openCents).sum()
                + refundsOwed.values().stream().mapToLong(BillState::openCents).sum();
    }

    boolean hasApplied(String paymentId) {
        return appliedPaymentIds.contains(paymentId);
    }

    boolean hasReversed(String paymentId) {
        return reversedPaymentIds.contains(paymentId);
    }

    boolean hasDecidedRefund(String refundId) {
        return decidedRefundIds.contains(refundId);
    }

    /** What the payment paid, per bill, in the order it paid them. */
    Map<String, Long> paidBy(String paymentId) {
        return paidByPayment.getOrDefault(paymentId, Map.of());
    }

    long creditHeldBy(String paymentId) {
        return creditHeldByPayment.getOrDefault(paymentId, 0L);
    }
}
