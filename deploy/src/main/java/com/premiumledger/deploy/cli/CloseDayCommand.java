package com.premiumledger.deploy.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.time.LocalDate;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(name = "close-day", description = "Close a business day and every earlier one not yet closed"
        + " (POST /calendar/days/{date}/close on billing); closing a closed day changes nothing.")
final class CloseDayCommand extends OpsCommand {

    @Parameters(index = "0", paramLabel = "DATE", description = "ISO date, e.g. 2027-01-24")
    LocalDate date;

    @Override
    protected Service service() {
        return Service.billing;
    }

    @Override
    protected JsonNode run() throws IOException, InterruptedException {
        return client().post("/calendar/days/" + date + "/close", null);
    }

    @Override
    protected void print(JsonNode answer) {
        JsonNode closed = answer.get("closedDays");
        int count = closed == null ? 0 : closed.size();
        out().printf("Business date %s; %d day%s closed now%s%n", text(answer, "businessDate"), count,
                count == 1 ? "" : "s", count == 0 ? "" : " (" + closed.get(0).asText() + " to "
                        + closed.get(count - 1).asText() + ")");
    }
}
