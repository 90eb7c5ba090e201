package com.premiumledger.events;

/** Kafka topic names: one per producing service, retained forever, keyed by account id. */
public final class Topics {

    public static final String BILLING = "premium.billing.v1";
    public static final String PAYMENTS = "premium.payments.v1";
    public static final String COVERAGE = "premium.coverage.v1";
    public static final String NOTICES = "premium.notices.v1";

    /** Poison records go to the topic's dead-letter twin, with their error in headers. */
    public static final String DEAD_LETTER_SUFFIX = ".dlt";

    private Topics() {
    }

    public static String deadLetter(String topic) {
        return topic + DEAD_LETTER_SUFFIX;
    }
}
