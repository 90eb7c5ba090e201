package com.premiumledger.events;

/**
 * An event published to <em>every</em> partition of its topic, not only to its key's. Kafka orders records
 * within a partition only; a copy in each partition is a watermark that every account's events on that
 * partition are ordered against, so a consumer that judges accounts when it arrives (a closed day) sees the
 * same account events before it on every replay, whatever the interleaving of partitions.
 *
 * <p>The copies share the event id and sequence. A consumer that wants the event once gets the first copy
 * (the platform gate drops the rest); one that judges per partition gets one copy per partition.
 */
public interface PartitionBroadcast extends LedgerEvent {
}
