package com.premiumledger.billing.account;

/**
 * The money a member owes back when a payment is reversed after credit it created was already refunded: the
 * refund went out, the payment's cash came back, so the refunded amount is receivable again. It is an open item
 * of its own, named {@code refund-owed:<paymentId>} wherever bills are named (a reversal's {@code reopened}
 * list, later payments' and credits' allocations), due on the reversal's date, paid like a bill (oldest first),
 * but never a premium bill: it is not missed and does not count as billed premium.
 */
public final class RefundOwed {

    /** Bill ids start with the account id (upper case letters, digits, dashes), so this prefix cannot clash. */
    private static final String PREFIX = "refund-owed:";

    private RefundOwed() {
    }

    public static String itemId(String paymentId) {
        return PREFIX + paymentId;
    }

    public static boolean isItem(String billId) {
        return billId != null && billId.startsWith(PREFIX);
    }
}
