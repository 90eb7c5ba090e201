package com.premiumledger.platform.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import com.premiumledger.platform.consumer.GroupOffsets;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * {@code ledger.consumer.lag{consumer_group, topic, partition}}: records on a partition that a consumer
 * group of this service has not yet handled, i.e. the partition's end offset less the group's committed
 * offset (offsets are committed only after handling). Measured through the admin client every
 * {@code premium.metrics.refresh-interval}, so it counts for the whole group whichever instance consumes.
 */
public class ConsumerLagMeter implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(ConsumerLagMeter.class);
    static final String NAME = "ledger.consumer.lag";

    private final Admin admin;
    private final GroupOffsets offsets;
    private final java.util.function.Supplier<Map<String, List<String>>> groups;
    private final MetricsProperties properties;
    private final MultiGauge lag;
    private ScheduledExecutorService scheduler;
    private volatile boolean running;

    /** {@code groups}: the live consumer groups with their topics (they change when a rebuilt copy takes over). */
    public ConsumerLagMeter(Admin admin, java.util.function.Supplier<Map<String, List<String>>> groups,
                            MetricsProperties properties, MeterRegistry meters) {
        this.admin = admin;
        this.offsets = new GroupOffsets(admin, properties.lagTimeout());
        this.properties = properties;
        this.groups = groups;
        this.lag = MultiGauge.builder(NAME)
                .description("Records on a topic partition not yet handled by a consumer group of this service"
                        + " (end offset less committed offset)")
                .register(meters);
    }

    /** Measures every group's lag once; a broker that does not answer in time leaves the last figures. */
    public void refresh() {
        try {
            lag.register(rows(measure()), true);
        } catch (TimeoutException | ExecutionException | RuntimeException e) {
            // The gauge keeps its last figures; the next refresh tries again.
            log.warn("consumer lag not measured this time: {}", e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Lag per group and partition. */
    Map<String, Map<TopicPartition, Long>> measure() throws ExecutionException, InterruptedException,
            TimeoutException {
        Map<String, Map<TopicPartition, Long>> lagByGroup = new LinkedHashMap<>();
        for (Map.Entry<String, List<String>> group : groups.get().entrySet()) {
            Map<TopicPartition, Long> groupLag = new LinkedHashMap<>();
            offsets.of(group.getKey(), group.getValue()).forEach((partition, position) ->
                    groupLag.put(partition, position.lag()));
            lagByGroup.put(group.getKey(), groupLag);
        }
        return lagByGroup;
    }

    private static List<MultiGauge.Row<?>> rows(Map<String, Map<TopicPartition, Long>> lagByGroup) {
        List<MultiGauge.Row<?>> rows = new ArrayList<>();
        lagByGroup.forEach((group, partitions) -> partitions.forEach((partition, records) -> rows.add(
                MultiGauge.Row.of(Tags.of("consumer_group", group, "topic", partition.topic(),
                        "partition", Integer.toString(partition.partition())), records))));
        return rows;
    }

    @Override
    public void start() {
        scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "consumer-lag-meter");
            thread.setDaemon(true);
            return thread;
        });
        long intervalMillis = properties.refreshInterval().toMillis();
        scheduler.scheduleWithFixedDelay(this::refresh, 0, intervalMillis, TimeUnit.MILLISECONDS);
        running = true;
    }

    @Override
    public void stop() {
        running = false;
        if (scheduler != null) {
            scheduler.shutdownNow();
        }
        admin.close(Duration.ofSeconds(5));
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
