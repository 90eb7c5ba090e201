package com.premiumledger.billing.account;

/** The account's autopay enrollment as its events left it; {@code enrolled} false when there is none. */
record AutopayState(boolean enrolled, String method, String lastFour) {

    static final AutopayState NONE = new AutopayState(false, null, null);
}
