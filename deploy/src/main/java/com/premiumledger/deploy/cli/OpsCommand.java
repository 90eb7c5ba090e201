package com.premiumledger.deploy.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.ConnectException;
import java.net.http.HttpTimeoutException;
import java.util.concurrent.Callable;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * What every command shares: the connection options, {@code --json}, and turning the service's problem+json
 * or an unreachable service into a clear message on stderr and a non-zero exit code. A command implements
 * {@link #run}; a long-running one (a future {@code status}) can poll in it and draw on {@link #out()}.
 */
abstract class OpsCommand implements Callable<Integer> {

    @Mixin
    Connection connection;

    @Option(names = "--json", description = "Print the service's JSON answer instead of a summary")
    boolean json;

    @Spec
    CommandSpec spec;

    /** Does the work; returns the answer to print with {@code --json}. */
    protected abstract JsonNode run() throws IOException, InterruptedException;

    /** Prints the answer for a person. */
    protected abstract void print(JsonNode answer);

    @Override
    public final Integer call() throws InterruptedException {
        try {
            JsonNode answer = run();
            if (json) {
                out().println(answer == null ? "" : pretty(answer));
            } else {
                print(answer);
            }
            out().flush();
            return 0;
        } catch (ServerProblem problem) {
            err().println(problem.describe());
            err().flush();
            return OperatorCli.EXIT_REFUSED;
        } catch (ConnectException | HttpTimeoutException e) {
            err().println("error: cannot reach " + target() + ": " + e);
            err().flush();
            return OperatorCli.EXIT_UNREACHABLE;
        } catch (IOException e) {
            err().println("error: talking to " + target() + " failed: " + e);
            err().flush();
            return OperatorCli.EXIT_UNREACHABLE;
        }
    }

    private String target() {
        return connection.url != null ? connection.url : service().localUrl();
    }

    /** The service this command talks to unless {@code --url} says otherwise. */
    protected abstract Service service();

    protected OpsClient client() {
        return connection.client(service());
    }

    protected PrintWriter out() {
        return spec.commandLine().getOut();
    }

    protected PrintWriter err() {
        return spec.commandLine().getErr();
    }

    private static String pretty(JsonNode answer) {
        try {
            return OpsClient.JSON.writerWithDefaultPrettyPrinter().writeValueAsString(answer);
        } catch (JsonProcessingException e) {
            return answer.toString();
        }
    }

    /** Cents as dollars, e.g. -1234 as "-$12.34". */
    static String money(JsonNode cents) {
        if (cents == null || cents.isNull()) {
            return "-";
        }
        long value = cents.asLong();
        long absolute = Math.abs(value);
        return (value < 0 ? "-" : "") + "$" + (absolute / 100) + "." + String.format("%02d", absolute % 100);
    }

    static String text(JsonNode node, String field) {
        JsonNode value = node == null ? null : node.get(field);
        return value == null || value.isNull() ? "-" : value.asText();
    }
}
