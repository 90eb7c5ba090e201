package com.premiumledger.billing.balance;

import com.premiumledger.billing.balance.AccountHistory.HistoryResponse;
import com.premiumledger.platform.history.AggregateHistory;
import com.premiumledger.platform.history.AsOf;
import com.premiumledger.platform.security.Roles;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "history", description = "An account re-derived from its stored events, for comparison with the"
        + " projections")
class AccountHistoryController {

    /** The aggregate whose stream is an account's: the calendar's stream shares the store, not the type. */
    static final String AGGREGATE_TYPE = "BillingAccount";

    private final AggregateHistory history;
    private final Clock clock = Clock.systemUTC();

    AccountHistoryController(AggregateHistory history) {
        this.history = history;
    }

    @GetMapping("/accounts/{accountId}/history")
    @PreAuthorize(Roles.READER)
    @Operation(summary = "An account as it stood at an instant, re-derived from its stored events alone",
            description = "Reads the account's events from the event store (not from a projection), takes those"
                    + " recorded at or before asOf and folds them with the same code as the balance projection:"
                    + " bills with amounts, paid, open and status, billed, payments received, reversed, refunded,"
                    + " credit and balance; plus every event up to asOf (sequence, id, type, recorded time, who"
                    + " issued it, a summary, the stored payload and the balance after it). asOf is recorded time,"
                    + " not the business dates inside the events (for those see /balance?asOf=). 404 when the"
                    + " account is unknown or had no event yet at asOf; 400 for a malformed asOf.")
    HistoryResponse history(@PathVariable String accountId,
            @Parameter(description = "ISO instant (2027-01-05T10:00:00Z), offset date-time, or date (end of that"
                    + " day, UTC); default now") @RequestParam(required = false) String asOf) {
        AggregateHistory.Events events = history.upTo(accountId, AGGREGATE_TYPE, AsOf.parse(asOf, clock),
                "account-not-found");
        return AccountHistory.fold(events);
    }
}
