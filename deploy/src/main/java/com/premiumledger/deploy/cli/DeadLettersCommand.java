package com.premiumledger.deploy.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "dead-letters", description = "Records a service's consumers gave up on.",
        subcommands = {DeadLettersCommand.ListLetters.class, DeadLettersCommand.Retry.class})
final class DeadLettersCommand {

    /** Both subcommands talk to one service's operations endpoints. */
    abstract static class OnService extends OpsCommand {

        @Option(names = "--service", defaultValue = "billing", description = "billing, payment, coverage or"
                + " notification; default ${DEFAULT-VALUE}")
        Service service;

        @Override
        protected Service service() {
            return service;
        }

        void printLetter(JsonNode letter) {
            out().printf("%s  %s:%s@%s  group %s  key %s  %s%n    %s: %s%n    dead-lettered %s, retried %s%n",
                    text(letter, "id"), text(letter, "originalTopic"), text(letter, "originalPartition"),
                    text(letter, "originalOffset"), text(letter, "consumerGroup"), text(letter, "key"),
                    text(letter, "eventType"), text(letter, "exceptionClass"), text(letter, "exceptionMessage"),
                    text(letter, "deadLetteredAt"), text(letter, "retriedAt"));
        }
    }

    @Command(name = "list", description = "List them with their errors (GET /operations/dead-letters).")
    static final class ListLetters extends OnService {

        @Override
        protected JsonNode run() throws IOException, InterruptedException {
            return client().get("/operations/dead-letters");
        }

        @Override
        protected void print(JsonNode answer) {
            out().printf("%s dead letters in %s%n", text(answer, "count"), service);
            answer.get("deadLetters").forEach(this::printLetter);
        }
    }

    @Command(name = "retry", description = "Handle one again after a fix (POST /operations/dead-letters/{id}/retry);"
            + " safe to repeat.")
    static final class Retry extends OnService {

        @Parameters(index = "0", paramLabel = "ID", description = "<dead-letter topic>:<partition>:<offset>")
        String id;

        @Override
        protected JsonNode run() throws IOException, InterruptedException {
            return client().post("/operations/dead-letters/" + OpsClient.encode(id) + "/retry", null);
        }

        @Override
        protected void print(JsonNode answer) {
            out().println("Retried:");
            printLetter(answer);
        }
    }
}
