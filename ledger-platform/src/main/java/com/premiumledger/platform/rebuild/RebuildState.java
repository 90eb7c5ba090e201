package com.premiumledger.platform.rebuild;

/** Where a projection's latest rebuild is. */
public enum RebuildState {
    /** Never rebuilt since the service's data was created. */
    IDLE,
    /** The fresh copy is being built beside the live one. */
    RUNNING,
    /** Caught up: the live consumer is stopped while the fresh copy takes over. */
    SWITCHING,
    /** The fresh copy answers queries; the old one was dropped. */
    DONE,
    /** An operator cancelled it; the partial copy was dropped. */
    CANCELLED,
    /** It could not finish (see its message); the partial copy was dropped, the live copy is untouched. */
    FAILED;

    boolean active() {
        return this == RUNNING || this == SWITCHING;
    }
}
