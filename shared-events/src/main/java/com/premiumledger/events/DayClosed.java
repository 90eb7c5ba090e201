package com.premiumledger.events;

import java.time.LocalDate;

/**
 * The business calendar closed {@code date}: it is now the business date. {@code previousDate} is the
 * day closed before it (null for the first close), so consumers know which span of time has passed.
 * Published to every partition of the billing topic ({@link PartitionBroadcast}), so each partition's
 * account events are ordered against it.
 */
public record DayClosed(LocalDate date, LocalDate previousDate, String closedBy) implements PartitionBroadcast {

    /** All calendar events share one key so that days stay in order. */
    public static final String STREAM_KEY = "business-calendar";

    @Override
    public String streamKey() {
        return STREAM_KEY;
    }
}
