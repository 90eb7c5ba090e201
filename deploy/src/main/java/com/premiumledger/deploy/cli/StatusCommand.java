package com.premiumledger.deploy.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code status <service> [<projection>]}: projections and their latest rebuild, with a progress bar. */
@Command(name = "status", description = "A service's rebuildable projections and their latest rebuild, with a"
        + " progress bar (GET /operations/projections[/{name}]).")
final class StatusCommand extends OpsCommand {

    @Parameters(index = "0", paramLabel = "SERVICE", description = "billing, payment, coverage or notification")
    Service service;

    @Parameters(index = "1", arity = "0..1", paramLabel = "PROJECTION", description = "one projection; all if"
            + " omitted")
    String projection;

    @Override
    protected Service service() {
        return service;
    }

    @Override
    protected JsonNode run() throws IOException, InterruptedException {
        return projection == null ? client().get("/operations/projections")
                : client().get("/operations/projections/" + OpsClient.encode(projection));
    }

    @Override
    protected void print(JsonNode answer) {
        if (projection != null) {
            out().println(ProjectionProgress.line(answer));
            return;
        }
        out().printf("%s rebuildable projections in %s%n", text(answer, "count"), service);
        answer.path("projections").forEach(status -> out().println(ProjectionProgress.line(status)));
    }
}
