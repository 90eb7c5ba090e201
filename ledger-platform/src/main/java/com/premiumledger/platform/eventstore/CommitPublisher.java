package com.premiumledger.platform.eventstore;

import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/** Receives every commit right after it is stored; the outbox marker covers the time until it is acknowledged. */
public interface CommitPublisher {

    void publish(StoredCommit commit);

    /**
     * This process's send of {@code commitId} while Kafka has not acknowledged it yet: completes when it is,
     * exceptionally when the send failed. Empty when this process has no such send in flight (it never had, or it
     * is over). A publisher that is done with a commit when {@link #publish} returns has every commit acknowledged.
     */
    default Optional<CompletableFuture<Void>> inFlight(String commitId) {
        return Optional.of(CompletableFuture.completedFuture(null));
    }

    /**
     * The aggregate's latest commit this process published whose outbox marker it has not released yet (the
     * aggregate's next writer takes that marker over in one write). Empty when there is none or it is not known.
     */
    default Optional<String> unreleased(String aggregateId) {
        return Optional.empty();
    }

    /**
     * Sends a commit and waits until Kafka acknowledged every event of it. A publisher that is done with a commit
     * when {@link #publish} returns has nothing more to wait for.
     */
    default void publishAndWait(StoredCommit commit) throws Exception {
        publish(commit);
    }
}
