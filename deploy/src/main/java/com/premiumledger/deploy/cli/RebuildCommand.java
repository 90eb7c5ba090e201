package com.premiumledger.deploy.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.time.Duration;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code rebuild <service> <projection> [--wait]}: builds a fresh copy of a projection beside the live one
 * ({@code POST /operations/projections/{name}/rebuild}); with {@code --wait} it draws the progress until the
 * rebuild ends, and exits 1 unless it ended DONE. {@code --cancel} cancels a running one instead.
 */
@Command(name = "rebuild", description = "Rebuild a projection from offset zero while the live copy answers;"
        + " the fresh copy takes over once caught up (POST /operations/projections/{name}/rebuild).")
final class RebuildCommand extends OpsCommand {

    @Parameters(index = "0", paramLabel = "SERVICE", description = "billing, payment, coverage or notification")
    Service service;

    @Parameters(index = "1", paramLabel = "PROJECTION", description = "e.g. account-views (see `status SERVICE`)")
    String projection;

    @Option(names = "--wait", description = "Show progress until the rebuild ends; exit 1 unless it ends DONE")
    boolean waitForIt;

    @Option(names = "--cancel", description = "Cancel the running rebuild and drop its partial copy instead")
    boolean cancel;

    @Option(names = "--interval", defaultValue = "1s", converter = DurationConverter.class,
            description = "How often --wait asks for progress; default ${DEFAULT-VALUE}")
    Duration interval;

    @Override
    protected Service service() {
        return service;
    }

    @Override
    protected JsonNode run() throws IOException, InterruptedException {
        String path = "/operations/projections/" + OpsClient.encode(projection);
        if (cancel) {
            return client().delete(path + "/rebuild");
        }
        JsonNode status = client().post(path + "/rebuild", null);
        if (!waitForIt) {
            return status;
        }
        if (!json) {
            out().println(ProjectionProgress.line(status));
            out().flush();
        }
        while (!ProjectionProgress.FINISHED.contains(text(status, "state"))) {
            Thread.sleep(interval.toMillis());
            status = client().get(path);
            if (!json) {
                out().println(ProjectionProgress.line(status));
                out().flush();
            }
        }
        if (!"DONE".equals(text(status, "state"))) {
            throw new ServerProblem(200, "rebuild-" + text(status, "state").toLowerCase(),
                    "Rebuild of " + projection + " ended " + text(status, "state"), text(status, "message"));
        }
        return status;
    }

    @Override
    protected void print(JsonNode answer) {
        String state = text(answer, "state");
        if (cancel) {
            out().println("Cancelled the rebuild of " + projection + " in " + service + "; its partial copy was"
                    + " dropped.");
        } else if (waitForIt) {
            out().println("Rebuilt " + projection + " in " + service + ": copy " + answer.path("generation").asInt()
                    + " answers queries now, the old copy was dropped.");
        } else {
            out().println("Rebuild of " + projection + " in " + service + " " + state + "; follow it with `status "
                    + service + " " + projection + "`.");
        }
    }

    /** Durations like {@code 500ms}, {@code 2s} or ISO-8601 {@code PT2S}. */
    static final class DurationConverter implements picocli.CommandLine.ITypeConverter<Duration> {
        @Override
        public Duration convert(String value) {
            String text = value.trim().toLowerCase();
            if (text.endsWith("ms")) {
                return Duration.ofMillis(Long.parseLong(text.substring(0, text.length() - 2)));
            }
            if (text.endsWith("s") && !text.startsWith("p")) {
                return Duration.ofSeconds(Long.parseLong(text.substring(0, text.length() - 1)));
            }
            return Duration.parse(value);
        }
    }
}
