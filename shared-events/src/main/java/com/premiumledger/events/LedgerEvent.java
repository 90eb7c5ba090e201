package com.premiumledger.events;

/**
 * Every published event. {@link #streamKey()} is the Kafka record key: the account id for account
 * events, so one account's events stay in order on one partition.
 */
public interface LedgerEvent {

    String streamKey();
}
