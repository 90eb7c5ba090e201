package com.premiumledger.billing.ledger;

import com.premiumledger.billing.BillingProperties;
import com.premiumledger.billing.ledger.LedgerView.LedgerLine;
import com.premiumledger.platform.security.Roles;
import com.premiumledger.platform.web.ApiProblem;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "ledger", description = "An account's ledger with running balance, each line traceable to its event")
class LedgerController {

    /** One page of lines; {@code balanceCents} is the balance after all lines, not just this page. */
    record LedgerResponse(String accountId, List<LedgerLine> lines, int offset, int limit, int totalLines,
                          long debitCents, long creditCents, long balanceCents, long asOfSequence) {
    }

    private final LedgerProjection projection;
    private final BillingProperties properties;

    LedgerController(LedgerProjection projection, BillingProperties properties) {
        this.projection = projection;
        this.properties = properties;
    }

    @GetMapping("/accounts/{accountId}/ledger")
    @PreAuthorize(Roles.READER)
    @Operation(summary = "An account's ledger", description = "Lines in event order: bills debit the amount due,"
            + " payments credit the full amount, with the running balance. Paged by offset and limit"
            + " (at most premium.billing.ledger-page-size-max).")
    LedgerResponse ledger(@PathVariable String accountId, @RequestParam(required = false) Integer offset,
                          @RequestParam(required = false) Integer limit) {
        int from = offset == null ? 0 : offset;
        int size = limit == null ? properties.ledgerPageSizeDefault() : limit;
        if (from < 0 || size < 1 || size > properties.ledgerPageSizeMax()) {
            throw ApiProblem.badRequest("page", "offset must be at least 0 and limit between 1 and "
                    + properties.ledgerPageSizeMax());
        }
        LedgerView view = projection.documents().find(accountId).orElseThrow(() ->
                ApiProblem.notFound("account-not-found", "no account " + accountId + " in the ledger projection"));
        LedgerFold.checkInvariants(view);
        int total = view.lines().size();
        List<LedgerLine> page = view.lines().subList(Math.min(from, total), (int) Math.min((long) from + size, total));
        return new LedgerResponse(view.accountId(), page, from, size, view.lines().size(), view.debitCents(),
                view.creditCents(), view.balanceCents(), view.lastSequence());
    }
}
