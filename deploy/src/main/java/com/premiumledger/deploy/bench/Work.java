package com.premiumledger.deploy.bench;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What the services did, counted from their own Prometheus endpoints: store round trips (the MongoDB driver's
 * command timer, by collection and command), Kafka fetches, offset commits and records sent, and the events the
 * consumer groups handled or skipped (the platform's own counter, per processing group: Kafka's records-consumed meter is re-registered when
 * partitions move and does not add up across scrapes). Two scrapes around a phase give the work per command, which
 * is what bounds the throughput once the machine's cores are busy (see the report's cost section).
 */
final class Work {

    static final String STORE_ROUND_TRIPS = "store round trips";
    static final String KAFKA_FETCHES = "Kafka fetches";
    static final String KAFKA_COMMITS = "Kafka offset commits";
    static final String RECORDS_SENT = "Kafka records sent";
    static final String DELIVERIES = "events handled by consumer groups";
    /** Records a processing group read but no handler of it wanted (never decoded). */
    static final String SKIPPED = "events skipped by consumer groups";

    /** Counters summed over the scraped processes: the totals above, and store round trips by collection. */
    record Counts(Map<String, Double> totals, Map<String, Double> storeByCollection) {

        Counts minus(Counts before) {
            return new Counts(difference(totals, before.totals), difference(storeByCollection, before.storeByCollection));
        }

        private static Map<String, Double> difference(Map<String, Double> after, Map<String, Double> before) {
            Map<String, Double> difference = new TreeMap<>();
            after.forEach((key, value) -> difference.put(key, value - before.getOrDefault(key, 0.0)));
            return difference;
        }
    }

    private final Api api;

    Work(Api api) {
        this.api = api;
    }

    /** One scrape of every service at {@code urls}; a service that does not answer fails the benchmark. */
    Counts scrape(Collection<String> urls) {
        Map<String, Double> totals = new LinkedHashMap<>();
        List.of(STORE_ROUND_TRIPS, KAFKA_FETCHES, KAFKA_COMMITS, RECORDS_SENT, DELIVERIES, SKIPPED)
                .forEach(name -> totals.put(name, 0.0));
        Map<String, Double> byCollection = new TreeMap<>();
        for (String url : urls) {
            Api.Reply reply = api.get(Api.OPERATOR, url + "/actuator/prometheus");
            if (!reply.ok()) {
                throw new IllegalStateException(url + "/actuator/prometheus answered " + reply.status() + ": "
                        + reply.body());
            }
            add(reply.body(), totals, byCollection);
        }
        return new Counts(totals, byCollection);
    }

    /** Adds the counters of one exposition text. Kafka's per-topic samples are left out: their client sums them. */
    static void add(String exposition, Map<String, Double> totals, Map<String, Double> byCollection) {
        for (String line : exposition.split("\n")) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            int brace = line.indexOf('{');
            int space = line.lastIndexOf(' ');
            if (space < 0) {
                continue;
            }
            String name = line.substring(0, brace >= 0 && brace < space ? brace : space).strip();
            String labels = brace >= 0 && brace < space ? line.substring(brace, line.lastIndexOf('}') + 1) : "";
            double value;
            try {
                value = Double.parseDouble(line.substring(space + 1).strip());
            } catch (NumberFormatException e) {
                continue;
            }
            switch (name) {
                case "mongodb_driver_commands_seconds_count" -> {
                    totals.merge(STORE_ROUND_TRIPS, value, Double::sum);
                    byCollection.merge(label(labels, "command") + " " + label(labels, "collection"), value,
                            Double::sum);
                }
                case "kafka_consumer_fetch_manager_fetch_total" -> addClientLevel(totals, KAFKA_FETCHES, labels, value);
                case "kafka_consumer_coordinator_commit_total" -> addClientLevel(totals, KAFKA_COMMITS, labels, value);
                case "kafka_producer_record_send_total" -> addClientLevel(totals, RECORDS_SENT, labels, value);
                case "ledger_consumer_events_total" -> {
                    // One count per record and processing group (not per handler).
                    String outcome = label(labels, "outcome");
                    if ("handled".equals(outcome)) {
                        totals.merge(DELIVERIES, value, Double::sum);
                    } else if ("skipped".equals(outcome)) {
                        totals.merge(SKIPPED, value, Double::sum);
                    }
                }
                default -> {
                    // Not a figure of the cost section.
                }
            }
        }
    }

    private static void addClientLevel(Map<String, Double> totals, String key, String labels, double value) {
        if (label(labels, "topic") == null) {
            totals.merge(key, value, Double::sum);
        }
    }

    /** The value of {@code name} in a Prometheus label set {@code {a="x",b="y"}}, or null. */
    static String label(String labels, String name) {
        String start = name + "=\"";
        int at = labels.startsWith("{" + start) ? 1 : labels.indexOf("," + start) + 1;
        if (at <= 0) {
            return null;
        }
        int from = at + start.length();
        int to = labels.indexOf('"', from);
        return to < 0 ? null : labels.substring(from, to);
    }

    /**
     * The work per unit ({@code units} commands or events) of a phase, rounded, with the store round trips of the
     * {@code top} busiest collections.
     */
    static Map<String, Object> per(Counts phase, double units, int top) {
        Map<String, Object> per = new LinkedHashMap<>();
        phase.totals().forEach((name, value) -> per.put(name, Latencies.round(value / units)));
        Map<String, Object> busiest = new LinkedHashMap<>();
        phase.storeByCollection().entrySet().stream()
                .filter(entry -> entry.getValue() > 0)
                .sorted(Map.Entry.<String, Double>comparingByValue().reversed())
                .limit(top)
                .forEach(entry -> busiest.put(entry.getKey(), Latencies.round(entry.getValue() / units)));
        per.put("store round trips by command and collection", busiest);
        return per;
    }
}
