package com.premiumledger.billing.accounting;

/** The ledger accounts postings go to. Codes are stable strings: stored totals are keyed by them. */
final class ChartOfAccounts {

    static final String MEMBER_RECEIVABLE = "MEMBER_RECEIVABLE";
    static final String SUBSIDY_RECEIVABLE = "SUBSIDY_RECEIVABLE";
    static final String PREMIUM_BILLED = "PREMIUM_BILLED";
    static final String UNAPPLIED_CASH = "UNAPPLIED_CASH";
    static final String MEMBER_CREDIT = "MEMBER_CREDIT";
    static final String CASH_REFUNDS = "CASH_REFUNDS";
    private static final String CASH_PREFIX = "CASH_";

    private ChartOfAccounts() {
    }

    /** CASH_CARD, CASH_ACH, CASH_CHECK, CASH_MONEY_ORDER: one cash account per payment method. */
    static String cash(String method) {
        return CASH_PREFIX + method;
    }
}
