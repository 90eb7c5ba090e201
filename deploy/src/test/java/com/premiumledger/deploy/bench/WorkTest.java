package com.premiumledger.deploy.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class WorkTest {

    private static final String EXPOSITION = """
            # HELP mongodb_driver_commands_seconds Timer of mongodb commands
            # TYPE mongodb_driver_commands_seconds summary
            mongodb_driver_commands_seconds_count{cluster_id="c",collection="events",command="insert",status="SUCCESS"} 12.0
            mongodb_driver_commands_seconds_count{cluster_id="c",collection="events",command="find",status="SUCCESS"} 30.0
            mongodb_driver_commands_seconds_count{cluster_id="c",collection="events",command="find",status="FAILED"} 1.0
            mongodb_driver_commands_seconds_sum{cluster_id="c",collection="events",command="find",status="SUCCESS"} 0.5
            kafka_consumer_fetch_manager_fetch_total{client_id="consumer-a"} 100.0
            kafka_consumer_fetch_manager_records_consumed_total{client_id="consumer-a"} 40.0
            kafka_consumer_fetch_manager_records_consumed_total{client_id="consumer-a",topic="premium.billing.v1"} 40.0
            kafka_consumer_coordinator_commit_total{client_id="consumer-a"} 7.0
            kafka_producer_record_send_total{client_id="producer-1"} 9.0
            ledger_consumer_events_total{handler="account-views",outcome="handled"} 25.0
            ledger_consumer_events_total{handler="account-views",outcome="duplicate"} 3.0
            ledger_consumer_events_total{handler="events",outcome="skipped"} 4.0
            ledger_consumer_events_total{handler="reactions",outcome="skipped"} 2.0
            process_uptime_seconds 1234.5
            """;

    @Test
    void sumsTheCostCountersAndLeavesOutPerTopicSamples() {
        Map<String, Double> totals = new HashMap<>();
        Map<String, Double> byCollection = new TreeMap<>();

        Work.add(EXPOSITION, totals, byCollection);

        assertThat(totals).containsEntry(Work.STORE_ROUND_TRIPS, 43.0)
                .containsEntry(Work.KAFKA_FETCHES, 100.0)
                .containsEntry(Work.KAFKA_COMMITS, 7.0)
                .containsEntry(Work.RECORDS_SENT, 9.0)
                .containsEntry(Work.DELIVERIES, 25.0)
                .containsEntry(Work.SKIPPED, 6.0)
                .hasSize(6);
        assertThat(byCollection).containsEntry("find events", 31.0).containsEntry("insert events", 12.0).hasSize(2);
    }

    @Test
    void perUnitDividesAndListsTheBusiestCollectionsFirst() {
        Work.Counts before = new Work.Counts(Map.of(Work.STORE_ROUND_TRIPS, 10.0), Map.of("find events", 10.0));
        Work.Counts after = new Work.Counts(Map.of(Work.STORE_ROUND_TRIPS, 70.0),
                Map.of("find events", 40.0, "insert events", 20.0, "find views", 10.0));

        Map<String, Object> per = Work.per(after.minus(before), 10, 2);

        assertThat(per).containsEntry(Work.STORE_ROUND_TRIPS, 6.0);
        @SuppressWarnings("unchecked")
        Map<String, Object> busiest = (Map<String, Object>) per.get("store round trips by command and collection");
        assertThat(busiest).containsExactly(entry("find events", 3.0), entry("insert events", 2.0));
    }

    @Test
    void readsOneLabel() {
        assertThat(Work.label("{a=\"x\",collection=\"events\"}", "collection")).isEqualTo("events");
        assertThat(Work.label("{collection=\"events\"}", "collection")).isEqualTo("events");
        assertThat(Work.label("{a=\"x\"}", "collection")).isNull();
    }
}
