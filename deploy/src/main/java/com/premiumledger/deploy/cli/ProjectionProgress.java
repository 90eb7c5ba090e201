package com.premiumledger.deploy.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Set;

/** One projection's rebuild as a line of text with a progress bar. */
final class ProjectionProgress {

    static final Set<String> FINISHED = Set.of("DONE", "CANCELLED", "FAILED", "IDLE");
    private static final int WIDTH = 30;

    private ProjectionProgress() {
    }

    /**
     * E.g. {@code account-views  [###############...............]  50%  1200/2400 events  300.0/s  ~4s left
     * RUNNING (copy 2, copy 1 in use)}.
     */
    static String line(JsonNode status) {
        String state = OpsCommand.text(status, "state");
        long processed = status.path("eventsProcessed").asLong();
        JsonNode remainingNode = status.get("eventsRemaining");
        boolean measured = remainingNode != null && !remainingNode.isNull();
        long remaining = measured ? remainingNode.asLong() : 0;
        long total = processed + remaining;
        int percent = "DONE".equals(state) ? 100
                : !measured || total == 0 ? 0 : (int) Math.min(99, processed * 100 / total);
        int filled = percent * WIDTH / 100;
        StringBuilder line = new StringBuilder();
        line.append(OpsCommand.text(status, "projection")).append("  [")
                .append("#".repeat(filled)).append(".".repeat(WIDTH - filled)).append("] ")
                .append(String.format("%3d%%", percent)).append("  ")
                .append(processed).append('/').append(measured ? Long.toString(total) : "?").append(" events");
        double perSecond = status.path("eventsPerSecond").asDouble();
        if ("RUNNING".equals(state) || "SWITCHING".equals(state)) {
            line.append(String.format("  %.1f/s", perSecond));
            JsonNode left = status.get("estimatedSecondsLeft");
            line.append(left == null || left.isNull() ? "  time left unknown" : "  ~" + left.asLong() + "s left");
        }
        line.append("  ").append(state);
        JsonNode rebuilding = status.get("rebuildGeneration");
        line.append(" (copy ").append(status.path("generation").asInt()).append(" in use");
        if (rebuilding != null && !rebuilding.isNull() && ("RUNNING".equals(state) || "SWITCHING".equals(state))) {
            line.append(", rebuild into copy ").append(rebuilding.asInt());
        }
        line.append(')');
        String message = OpsCommand.text(status, "message");
        if (!"-".equals(message)) {
            line.append("  ").append(message);
        }
        return line.toString();
    }
}
