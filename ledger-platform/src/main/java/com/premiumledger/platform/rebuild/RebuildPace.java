package com.premiumledger.platform.rebuild;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;

/**
 * A running rebuild's events per second over a sliding window of its progress samples. The rebuild's consumer
 * commits once per poll, so the events processed move in steps of up to a poll's records: a pace taken between
 * two consecutive samples would swing between a burst and 0 (and the time left between a guess and unknown),
 * while over a window spanning several steps it is the pace the rebuild actually keeps. Until the window has
 * filled, the pace is measured since the first sample. Not thread-safe: the monitor samples one at a time.
 */
final class RebuildPace {

    private record Sample(long nanos, long processed) {
    }

    private final long windowNanos;
    private final Deque<Sample> samples = new ArrayDeque<>();

    RebuildPace(Duration window) {
        if (window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("the pace window must be positive");
        }
        this.windowNanos = window.toNanos();
    }

    /**
     * Adds a sample ({@code nanos} from {@link System#nanoTime()}, events processed so far) and answers the
     * events per second from the oldest sample still covering the window up to it; 0 for the first sample.
     */
    double sample(long nanos, long processed) {
        samples.addLast(new Sample(nanos, processed));
        // Keep one sample at or before the window's start, so the window stays fully covered.
        while (samples.size() > 1 && second().nanos() <= nanos - windowNanos) {
            samples.removeFirst();
        }
        Sample oldest = samples.peekFirst();
        double seconds = (nanos - oldest.nanos()) / 1e9;
        return seconds > 0 ? Math.max(0, processed - oldest.processed()) / seconds : 0;
    }

    private Sample second() {
        Iterator<Sample> iterator = samples.iterator();
        iterator.next();
        return iterator.next();
    }
}
