package com.premiumledger.platform.metrics;

import com.premiumledger.platform.PlatformProperties;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import com.premiumledger.platform.consumer.GroupOffsets;
import org.apache.kafka.clients.admin.Admin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * {@code ledger.consumer.lag{consumer_group, topic, partition}}: records on a partition that a consumer
 * group of this service has not yet handled, i.e. the partition's end offset less the group's committed
 * offset (offsets are committed only after handling). Measured through the admin client every
 * {@code premium.metrics.refresh-interval}, so it counts for the whole group whichever instance consumes.
 */
public class ConsumerLagMeter {

    private static final Logger log = LoggerFactory.getLogger(ConsumerLagMeter.class);
    static final String NAME = "ledger.consumer.lag";

    private final GroupOffsets offsets;
    private final Supplier<Map<String, List<String>>> groups;
    private final MultiGauge lag;

    /** {@code groups}: the live consumer groups with their topics (they change when a rebuilt copy takes over). */
    public ConsumerLagMeter(Admin admin, Supplier<Map<String, List<String>>> groups, PlatformProperties.Metrics properties,
                            MeterRegistry meters) {
        this.offsets = new GroupOffsets(admin, properties.lagTimeout());
        this.groups = groups;
        this.lag = MultiGauge.builder(NAME)
                .description("Records on a topic partition not yet handled by a consumer group of this service"
                        + " (end offset less committed offset)")
                .register(meters);
    }

    /** Measures every group's lag once; a broker that does not answer in time leaves the last figures. */
    @Scheduled(fixedDelayString = "${premium.metrics.refresh-interval:5s}")
    public void refresh() {
        try {
            List<MultiGauge.Row<?>> rows = new ArrayList<>();
            for (Map.Entry<String, List<String>> group : groups.get().entrySet()) {
                offsets.of(group.getKey(), group.getValue()).forEach((partition, position) -> rows.add(
                        MultiGauge.Row.of(Tags.of("consumer_group", group.getKey(), "topic", partition.topic(),
                                "partition", Integer.toString(partition.partition())), position.lag())));
            }
            lag.register(rows, true);
        } catch (TimeoutException | ExecutionException | RuntimeException e) {
            // The gauge keeps its last figures; the next refresh tries again.
            log.warn("consumer lag not measured this time: {}", e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
