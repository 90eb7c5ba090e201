package com.premiumledger.platform.metrics;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * HELP text for meters whose library registers them without a description (Prometheus's lint requires one).
 * Exact names first, then the longest matching prefix, then a text that at least says where the meter
 * comes from. The platform's and services' own meters carry their descriptions where they are registered.
 */
final class MeterDescriptions {

    private static final Map<String, String> EXACT = Map.ofEntries(
            Map.entry("http.server.requests", "HTTP requests served, by method, uri, status, outcome and exception"),
            Map.entry("http.server.requests.active", "HTTP requests in progress, by method and uri"),
            Map.entry("tasks.scheduled.execution", "Scheduled task executions (outbox sweeper, gauges), by task"),
            Map.entry("tasks.scheduled.execution.active", "Scheduled task executions in progress, by task"),
            Map.entry("tomcat.sessions.active.current", "HTTP sessions currently active"),
            Map.entry("tomcat.sessions.active.max", "Most HTTP sessions active at once"),
            Map.entry("tomcat.sessions.alive.max", "Longest time an expired HTTP session was alive"),
            Map.entry("tomcat.sessions.created", "HTTP sessions created"),
            Map.entry("tomcat.sessions.expired", "HTTP sessions expired"),
            Map.entry("tomcat.sessions.rejected", "HTTP sessions rejected because the maximum was reached"),
            Map.entry("spring.security.authentications", "Spring Security authentication attempts"),
            Map.entry("spring.security.authentications.active", "Spring Security authentications in progress"),
            Map.entry("spring.security.authorizations", "Spring Security authorization decisions"),
            Map.entry("spring.security.authorizations.active", "Spring Security authorizations in progress"),
            Map.entry("spring.security.http.secured.requests", "Requests through the Spring Security filter chain"),
            Map.entry("spring.security.http.secured.requests.active",
                    "Requests in the Spring Security filter chain now"));

    private static final Map<String, String> PREFIXES = new LinkedHashMap<>();

    static {
        PREFIXES.put("axon.commands.", "Axon command bus: commands");
        PREFIXES.put("axon.event.store.", "Axon event store: events appended");
        PREFIXES.put("axon.queries.", "Axon query bus: queries");
        PREFIXES.put("axon.events.", "Axon event bus: events");
        PREFIXES.put("axon.", "Axon Framework");
        PREFIXES.put("kafka.producer.", "Kafka producer client metric");
        PREFIXES.put("kafka.consumer.", "Kafka consumer client metric");
        PREFIXES.put("kafka.", "Kafka client metric");
        PREFIXES.put("spring.security.", "Spring Security observation");
        PREFIXES.put("spring.", "Spring observation");
    }

    private MeterDescriptions() {
    }

    /**
     * @param name the meter's name after renaming
     * @param originalName the name its library gave it, quoted so the source is findable
     */
    static String describe(String name, String originalName) {
        String exact = EXACT.get(name);
        if (exact != null) {
            return exact;
        }
        if (name.startsWith("axon.")) {
            return axon(name);
        }
        for (Map.Entry<String, String> prefix : PREFIXES.entrySet()) {
            if (name.startsWith(prefix.getKey())) {
                return prefix.getValue() + " " + originalName;
            }
        }
        return "Meter " + originalName + " (registered by its library without a description)";
    }

    /** Axon's monitors are named by outcome: say what each counts, per message payload type. */
    private static String axon(String name) {
        String what = PREFIXES.entrySet().stream().filter(prefix -> name.startsWith(prefix.getKey())).findFirst()
                .map(Map.Entry::getValue).orElseThrow();
        boolean duration = name.endsWith(".duration");
        String outcome = duration ? name.substring(0, name.length() - ".duration".length()) : name;
        outcome = outcome.substring(outcome.lastIndexOf('.') + 1);
        if (outcome.equals("capacity")) {
            return what.split(":")[0] + ": handling capacity in use (1 = one thread busy all the time),"
                    + " by payload type";
        }
        String text = switch (outcome) {
            case "ingested" -> "received";
            case "processed" -> "handled, whatever the outcome";
            case "succeeded" -> "handled successfully";
            case "failed" -> "that failed (refused by a rule or errored)";
            case "ignored" -> "ignored (no handler wanted them)";
            case "all" -> "handled";
            default -> outcome;
        };
        return what + " " + text + (duration ? " (time taken)" : "") + ", by payload type";
    }
}
