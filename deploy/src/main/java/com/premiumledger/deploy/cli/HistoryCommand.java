package com.premiumledger.deploy.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;

@Command(name = "history", description = "An account as it stood at an instant, re-derived from its stored"
        + " events (GET /accounts/{id}/history on billing or coverage).")
final class HistoryCommand extends OpsCommand {

    @Parameters(index = "0", paramLabel = "ACCOUNT", description = "Account id")
    String accountId;

    @Option(names = "--as-of", paramLabel = "INSTANT|DATE", description = "ISO instant (2027-01-05T10:00:00Z) or"
            + " date (end of that day, UTC); default now")
    String asOf;

    @Option(names = "--service", defaultValue = "billing", description = "billing (bills, balance) or coverage"
            + " (status, grace); default ${DEFAULT-VALUE}")
    Service service;

    @Override
    protected Service service() {
        return service;
    }

    @Override
    protected JsonNode run() throws IOException, InterruptedException {
        if (service != Service.billing && service != Service.coverage) {
            throw new ParameterException(spec.commandLine(), "history is kept by billing and coverage, not "
                    + service);
        }
        return client().get("/accounts/" + OpsClient.encode(accountId) + "/history"
                + (asOf == null ? "" : "?asOf=" + OpsClient.encode(asOf)));
    }

    @Override
    protected void print(JsonNode answer) {
        out().printf("%s history of %s as of %s (%s of %s stored events)%n",
                service == Service.billing ? "Billing" : "Coverage", text(answer, "accountId"), text(answer, "asOf"),
                text(answer, "eventsCounted"), text(answer, "eventsStored"));
        if (service == Service.billing) {
            printAccount(answer.get("account"));
        } else {
            printCoverage(answer.get("coverage"));
        }
        out().println("Events:");
        for (JsonNode event : answer.get("events")) {
            out().printf("  #%-4s %s  %-24s by %-18s %s%n", text(event, "sequence"), text(event, "recordedAt"),
                    text(event, "name"), text(event, "issuedBy"), text(event, "summary"));
        }
    }

    private void printAccount(JsonNode account) {
        out().printf("Balance %s  open %s  credit %s  billed %s  payments %s  reversed %s  refunded %s%n",
                money(account.get("balanceCents")), money(account.get("openCents")),
                money(account.get("creditCents")), money(account.get("billedCents")),
                money(account.get("paymentsReceivedCents")), money(account.get("reversedCents")),
                money(account.get("refundedCents")));
        out().println("Bills:");
        for (JsonNode bill : account.get("bills")) {
            out().printf("  %s  %-24s due %s  amount %s  paid %s  open %s  %s%n", text(bill, "coverageMonth"),
                    text(bill, "billId"), text(bill, "dueDate"), money(bill.get("amountDueCents")),
                    money(bill.get("paidCents")), money(bill.get("openCents")), text(bill, "status"));
        }
    }

    private void printCoverage(JsonNode coverage) {
        out().printf("%s since %s (program %s), paid through %s, grace %s to %s, terminated %s%n",
                text(coverage, "status"), text(coverage, "since"), text(coverage, "program"),
                text(coverage, "paidThroughDate"), text(coverage, "graceStart"), text(coverage, "graceEnd"),
                text(coverage, "terminationEffectiveDate"));
        out().println("Changes:");
        for (JsonNode change : coverage.get("history")) {
            out().printf("  %s  %s -> %s (%s)%n", text(change, "effectiveDate"), text(change, "fromStatus"),
                    text(change, "toStatus"), text(change, "reason"));
        }
    }
}
