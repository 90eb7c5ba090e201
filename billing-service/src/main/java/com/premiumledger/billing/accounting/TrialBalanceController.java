package com.premiumledger.billing.accounting;

import com.premiumledger.billing.support.QueryDates;
import com.premiumledger.platform.security.Roles;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "audit", description = "Double-entry views for auditors")
class TrialBalanceController {

    private final TrialBalance trialBalance;
    private final QueryDates queryDates;

    TrialBalanceController(TrialBalance trialBalance, QueryDates queryDates) {
        this.trialBalance = trialBalance;
        this.queryDates = queryDates;
    }

    @GetMapping("/audit/trial-balance")
    @PreAuthorize(Roles.READER)
    @Operation(summary = "Trial balance over every ledger account",
            description = "Debit, credit and net per ledger account (as of the end of asOf when given, by effective"
                    + " date) and the grand totals, which net to zero. Reads every posting stream: O(streams).")
    TrialBalance.Result trialBalance(@RequestParam(required = false)
                                     @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf) {
        if (asOf != null) {
            queryDates.check("asOf", asOf);
        }
        return trialBalance.compute(asOf);
    }
}
