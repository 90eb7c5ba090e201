package com.premiumledger.deploy.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "republish", description = "Send stored events to Kafka again, for a lost or truncated topic"
        + " (POST /operations/republish). Consumers drop what they already applied, so it is always safe.")
final class RepublishCommand extends OpsCommand {

    /** Exactly one of the two, as the endpoint requires. */
    static final class What {
        @Option(names = "--aggregate", paramLabel = "ID", required = true,
                description = "One aggregate's events (an account id, a payment id, ...)")
        String aggregateId;

        @Option(names = "--since", paramLabel = "INSTANT", required = true,
                description = "Every event stored since this ISO instant")
        Instant since;
    }

    @ArgGroup(exclusive = true, multiplicity = "1")
    What what;

    @Option(names = "--service", defaultValue = "billing", description = "The service whose store to republish:"
            + " billing, payment, coverage or notification; default ${DEFAULT-VALUE}")
    Service service;

    @Override
    protected Service service() {
        return service;
    }

    @Override
    protected JsonNode run() throws IOException, InterruptedException {
        Map<String, Object> body = new LinkedHashMap<>();
        if (what.aggregateId != null) {
            body.put("aggregateId", what.aggregateId);
        } else {
            body.put("since", what.since.toString());
        }
        return client().post("/operations/republish", body);
    }

    @Override
    protected void print(JsonNode answer) {
        out().printf("Republished %s events in %s commits from %s%n", text(answer, "events"),
                text(answer, "commits"), service);
    }
}
