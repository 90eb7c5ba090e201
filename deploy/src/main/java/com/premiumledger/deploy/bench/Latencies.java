package com.premiumledger.deploy.bench;

import java.util.LinkedHashMap;
import java.util.Map;
import org.HdrHistogram.Histogram;

/** A latency distribution in microseconds, safe to record into from many threads. */
final class Latencies {

    // Three significant digits up to one minute: percentiles exact to 0.1%.
    private final Histogram histogram = new Histogram(60_000_000L, 3);

    synchronized void recordNanos(long nanos) {
        histogram.recordValue(Math.max(1, Math.min(nanos / 1_000, 60_000_000L)));
    }

    synchronized long count() {
        return histogram.getTotalCount();
    }

    synchronized Map<String, Object> summaryMillis() {
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("count", histogram.getTotalCount());
        summary.put("p50", millis(50));
        summary.put("p95", millis(95));
        summary.put("p99", millis(99));
        summary.put("max", histogram.getTotalCount() == 0 ? 0.0 : round(histogram.getMaxValue() / 1000.0));
        return summary;
    }

    private double millis(double percentile) {
        return histogram.getTotalCount() == 0 ? 0.0 : round(histogram.getValueAtPercentile(percentile) / 1000.0);
    }

    static double round(double value) {
        return Math.round(value * 100.0) / 100.0;
    }

    static double round3(double value) {
        return Math.round(value * 1000.0) / 1000.0;
    }
}
