package com.premiumledger.coverage.status;

import com.mongodb.client.model.Filters;
import com.premiumledger.coverage.lifecycle.CoverageStatus;
import com.premiumledger.platform.rebuild.ProjectionCollections;
import com.premiumledger.platform.rebuild.ProjectionStore;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * {@code ledger.coverage.accounts{status}}: accounts per coverage status, counted from the projection's
 * status index ({@code coverage_by_status}, one document per status, read by {@code _id}) every
 * {@code premium.metrics.refresh-interval}, not at each scrape.
 */
@Component
class CoverageStatusGauge {

    private static final Logger log = LoggerFactory.getLogger(CoverageStatusGauge.class);

    private final ProjectionCollections coverageViews;
    private final Map<CoverageStatus, AtomicLong> counts = new EnumMap<>(CoverageStatus.class);

    CoverageStatusGauge(ProjectionStore projections, MeterRegistry meters) {
        this.coverageViews = projections.live(CoverageViewProjection.NAME);
        for (CoverageStatus status : CoverageStatus.values()) {
            AtomicLong count = new AtomicLong();
            counts.put(status, count);
            Gauge.builder("ledger.coverage.accounts", count, AtomicLong::get)
                    .description("Accounts whose coverage is in a status (from the coverage projection's status"
                            + " index)")
                    .tag("status", status.name())
                    .register(meters);
        }
    }

    @Scheduled(fixedDelayString = "${premium.metrics.refresh-interval:5s}")
    void refresh() {
        List<String> ids = Arrays.stream(CoverageStatus.values()).map(Enum::name).toList();
        try {
            Map<CoverageStatus, Long> found = new EnumMap<>(CoverageStatus.class);
            for (Document index : coverageViews.collection(CoverageViewProjection.BY_STATUS).find(Filters.in("_id", ids))) {
                found.put(CoverageStatus.valueOf(index.getString("_id")),
                        (long) index.getList("accountIds", String.class, List.of()).size());
            }
            counts.forEach((status, count) -> count.set(found.getOrDefault(status, 0L)));
        } catch (RuntimeException e) {
            // The gauges keep their last figures; the next refresh tries again.
            log.warn("coverage status gauge not refreshed: {}", e.toString());
        }
    }
}
