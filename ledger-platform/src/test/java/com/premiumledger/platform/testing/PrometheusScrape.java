package com.premiumledger.platform.testing;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * One {@code /actuator/prometheus} scrape, read in plain Java: its metric families with their HELP and TYPE
 * lines and samples, so a test means something where {@code promtool} is not installed; and, where it is,
 * the output of {@code promtool check metrics} on the same text.
 */
public final class PrometheusScrape {

    /** A family as the exposition format declares it. */
    public record Family(String name, String help, String type, List<String> samples) {
    }

    /** The text a meter gets when its library gave none: never acceptable for the project's own meters. */
    public static final String LIBRARY_FALLBACK = "registered by its library without a description";

    private final String text;
    private final Map<String, Family> families;

    private PrometheusScrape(String text, Map<String, Family> families) {
        this.text = text;
        this.families = families;
    }

    public static PrometheusScrape of(String text) {
        Map<String, String> helps = new LinkedHashMap<>();
        Map<String, String> types = new LinkedHashMap<>();
        Map<String, List<String>> samples = new LinkedHashMap<>();
        for (String line : text.split("\n")) {
            if (line.startsWith("# HELP ")) {
                String[] parts = line.substring("# HELP ".length()).split(" ", 2);
                helps.put(parts[0], parts.length > 1 ? parts[1].strip() : "");
            } else if (line.startsWith("# TYPE ")) {
                String[] parts = line.substring("# TYPE ".length()).split(" ", 2);
                types.put(parts[0], parts.length > 1 ? parts[1].strip() : "");
            } else if (!line.isBlank() && !line.startsWith("#")) {
                String sampleName = line.split("[{ ]", 2)[0];
                samples.computeIfAbsent(familyOf(sampleName, types), name -> new ArrayList<>()).add(line);
            }
        }
        Map<String, Family> families = new LinkedHashMap<>();
        types.forEach((name, type) -> families.put(name, new Family(name, helps.getOrDefault(name, ""), type,
                List.copyOf(samples.getOrDefault(name, List.of())))));
        return new PrometheusScrape(text, families);
    }

    /** A sample's family: its own name, or the name less a histogram/summary/counter suffix. */
    private static String familyOf(String sampleName, Map<String, String> types) {
        if (types.containsKey(sampleName)) {
            return sampleName;
        }
        for (String suffix : List.of("_count", "_sum", "_bucket", "_total", "_created")) {
            if (sampleName.endsWith(suffix)) {
                String base = sampleName.substring(0, sampleName.length() - suffix.length());
                if (types.containsKey(base)) {
                    return base;
                }
            }
        }
        return sampleName;
    }

    public String text() {
        return text;
    }

    public Map<String, Family> families() {
        return families;
    }

    /** A family by name; a counter may be named with or without its {@code _total}. */
    public Optional<Family> family(String name) {
        return Optional.ofNullable(families.getOrDefault(name, families.get(name + "_total")));
    }

    /** Families declared without HELP text (what promtool reports as "no help text"). */
    public List<String> familiesWithoutHelp() {
        return families.values().stream().filter(family -> family.help().isBlank()).map(Family::name).toList();
    }

    /** Every sample line of a family, e.g. to find one with a given label. */
    public List<String> samples(String name) {
        return family(name).map(Family::samples).orElse(List.of());
    }

    /** True when {@code promtool} can be run here. */
    public static boolean promtoolAvailable() {
        String path = System.getenv("PATH");
        if (path == null) {
            return false;
        }
        for (String directory : path.split(java.io.File.pathSeparator)) {
            if (Files.isExecutable(Path.of(directory, "promtool"))) {
                return true;
            }
        }
        return false;
    }

    /** What {@code promtool check metrics} says about this scrape: empty when it has nothing to say. */
    public String promtoolProblems() throws IOException, InterruptedException {
        Process process = new ProcessBuilder("promtool", "check", "metrics").redirectErrorStream(true).start();
        try (OutputStream input = process.getOutputStream()) {
            input.write(text.getBytes(StandardCharsets.UTF_8));
        }
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException("promtool did not finish within 60 s");
        }
        if (process.exitValue() != 0 && output.isBlank()) {
            return "promtool exited with " + process.exitValue();
        }
        return output.strip();
    }
}
