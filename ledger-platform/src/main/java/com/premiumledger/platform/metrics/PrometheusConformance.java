package com.premiumledger.platform.metrics;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.core.instrument.config.MeterFilterReply;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Makes every meter pass Prometheus's own lint ({@code promtool check metrics}) without hiding what matters:
 * Axon's camelCase names and tags become snake case ({@code commandBus.successCounter} becomes
 * {@code axon.commands.succeeded}, {@code payloadType} becomes {@code payload_type}); a gauge named
 * {@code *.count} is named for what it counts ({@code kafka.consumer.connection.count} becomes
 * {@code kafka.consumer.connections}); meters in non-base units that a filter cannot rescale
 * (Kafka's {@code *-time-ns-*}, {@code jvm.compilation.time} in ms, {@code process.cpu.time} in ns) are
 * dropped, as are Spring Security's per-filter observations (dozens of families nobody charts); and a meter
 * its library left without a description gets one, so every family has HELP text.
 */
public final class PrometheusConformance implements MeterFilter {

    /** Unit abbreviations promtool refuses inside a name, and non-base units a rename cannot fix. */
    private static final Set<String> ABBREVIATED_UNITS = Set.of("ns", "us", "ms", "sec", "kb", "mb", "gb");
    private static final Set<String> NON_BASE_UNITS = Set.of("ns", "us", "ms", "nanoseconds", "microseconds",
            "milliseconds");
    private static final Map<String, String> AXON_COMPONENTS = Map.of(
            "commandBus", "axon.commands",
            "eventStore", "axon.event.store",
            "queryBus", "axon.queries",
            "eventBus", "axon.events",
            "queryUpdateEmitter", "axon.query.updates");
    private static final Map<String, String> AXON_OUTCOMES = Map.of(
            "success", "succeeded",
            "failure", "failed",
            "ignored", "ignored",
            "ingested", "ingested",
            "processed", "processed",
            "all", "all");

    @Override
    public MeterFilterReply accept(Meter.Id id) {
        String name = id.getName();
        if (name.startsWith("spring.security.filterchains")) {
            return MeterFilterReply.DENY;
        }
        if (hasSegmentIn(name, ABBREVIATED_UNITS)
                || (id.getBaseUnit() != null && NON_BASE_UNITS.contains(id.getBaseUnit().toLowerCase(Locale.ROOT)))) {
            return MeterFilterReply.DENY;
        }
        return MeterFilterReply.NEUTRAL;
    }

    @Override
    public Meter.Id map(Meter.Id id) {
        String name = conformingName(id.getName(), id.getType());
        List<Tag> tags = snakeCaseTags(id.getTags());
        String description = id.getDescription() == null || id.getDescription().isBlank()
                ? MeterDescriptions.describe(name, id.getName()) : id.getDescription();
        if (name.equals(id.getName()) && tags.equals(id.getTags()) && description.equals(id.getDescription())) {
            return id;
        }
        return new Meter.Id(name, Tags.of(tags), id.getBaseUnit(), description, id.getType());
    }

    static String conformingName(String name, Meter.Type type) {
        String axon = axonName(name);
        if (axon != null) {
            return axon;
        }
        String snake = snakeCase(name);
        boolean plainGauge = type != Meter.Type.COUNTER && type != Meter.Type.TIMER
                && type != Meter.Type.DISTRIBUTION_SUMMARY && type != Meter.Type.LONG_TASK_TIMER;
        if (plainGauge && snake.endsWith(".count") && snake.length() > ".count".length()) {
            // promtool reserves _count for histograms and summaries: name the gauge for what it counts.
            String counted = snake.substring(0, snake.length() - ".count".length());
            return counted.endsWith("s") ? counted : counted + "s";
        }
        return snake;
    }

    /** {@code commandBus.successCounter} to {@code axon.commands.succeeded}, timers with {@code .duration}. */
    static String axonName(String name) {
        int dot = name.indexOf('.');
        if (dot < 0 || !AXON_COMPONENTS.containsKey(name.substring(0, dot))) {
            return null;
        }
        String component = AXON_COMPONENTS.get(name.substring(0, dot));
        String metric = name.substring(dot + 1);
        String suffix = "";
        if (metric.endsWith("Counter")) {
            metric = metric.substring(0, metric.length() - "Counter".length());
        } else if (metric.endsWith("Timer")) {
            metric = metric.substring(0, metric.length() - "Timer".length());
            suffix = ".duration";
        }
        return component + "." + AXON_OUTCOMES.getOrDefault(metric, snakeCase(metric)) + suffix;
    }

    private static List<Tag> snakeCaseTags(List<Tag> tags) {
        List<Tag> converted = new ArrayList<>(tags.size());
        for (Tag tag : tags) {
            String key = snakeCase(tag.getKey()).replace('.', '_');
            converted.add(key.equals(tag.getKey()) ? tag : Tag.of(key, tag.getValue()));
        }
        return converted;
    }

    /** {@code payloadType} to {@code payload.type}; names already in lower case are returned as they are. */
    static String snakeCase(String name) {
        StringBuilder converted = new StringBuilder(name.length() + 4);
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (Character.isUpperCase(c)) {
                if (i > 0 && name.charAt(i - 1) != '.' && name.charAt(i - 1) != '_') {
                    converted.append('.');
                }
                converted.append(Character.toLowerCase(c));
            } else {
                converted.append(c);
            }
        }
        return converted.toString();
    }

    private static boolean hasSegmentIn(String name, Set<String> segments) {
        for (String segment : name.split("[._-]")) {
            if (segments.contains(segment)) {
                return true;
            }
        }
        return false;
    }
}
