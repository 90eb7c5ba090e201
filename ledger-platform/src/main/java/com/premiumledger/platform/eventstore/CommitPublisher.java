package com.premiumledger.platform.eventstore;

/** Receives every commit right after it is stored; the outbox marker covers the time until it is acknowledged. */
public interface CommitPublisher {

    void publish(StoredCommit commit);
}
