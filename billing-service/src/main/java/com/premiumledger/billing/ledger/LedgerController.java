package com.premiumledger.billing.ledger;

import com.premiumledger.billing.BillingProperties;
import com.premiumledger.billing.ledger.LedgerView.LedgerLine;
import com.premiumledger.billing.support.QueryDates;
import com.premiumledger.platform.security.Roles;
import com.premiumledger.platform.web.ApiProblem;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;
import java.util.List;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "ledger", description = "An account's ledger with running balance, each line traceable to its event")
class LedgerController {

    /**
     * One page of the lines effective in [from, to]; {@code balanceCents} is the balance after all lines, not
     * just this page; {@code totalLines} counts the lines in the date range.
     */
    record LedgerResponse(String accountId, List<LedgerLine> lines, LocalDate from, LocalDate to, int offset,
                          int limit, int totalLines, long debitCents, long creditCents, long balanceCents,
                          long asOfSequence) {
    }

    static final MediaType TEXT_CSV = MediaType.parseMediaType("text/csv");

    private final LedgerProjection projection;
    private final BillingProperties properties;
    private final QueryDates queryDates;

    LedgerController(LedgerProjection projection, BillingProperties properties, QueryDates queryDates) {
        this.projection = projection;
        this.properties = properties;
        this.queryDates = queryDates;
    }

    @GetMapping("/accounts/{accountId}/ledger")
    @PreAuthorize(Roles.READER)
    @Operation(summary = "An account's ledger", description = "Lines in event order: bills, reversals and refunds"
            + " debit, payments credit, with the running balance; credit paying a bill moves no balance. Optional"
            + " from/to filter by effective date; paged by offset and limit (at most"
            + " premium.billing.ledger-page-size-max).")
    LedgerResponse ledger(@PathVariable String accountId,
                          @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                          @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                          @RequestParam(required = false) Integer offset,
                          @RequestParam(required = false) Integer limit) {
        int first = offset == null ? 0 : offset;
        int size = limit == null ? properties.ledgerPageSizeDefault() : limit;
        if (first < 0 || size < 1 || size > properties.ledgerPageSizeMax()) {
            throw ApiProblem.badRequest("page", "offset must be at least 0 and limit between 1 and "
                    + properties.ledgerPageSizeMax());
        }
        LedgerView view = view(accountId);
        List<LedgerLine> lines = inRange(view, from, to);
        int total = lines.size();
        List<LedgerLine> page = lines.subList(Math.min(first, total), (int) Math.min((long) first + size, total));
        return new LedgerResponse(view.accountId(), page, from, to, first, size, total, view.debitCents(),
                view.creditCents(), view.balanceCents(), view.lastSequence());
    }

    @GetMapping(path = "/accounts/{accountId}/ledger.csv", produces = "text/csv")
    @PreAuthorize(Roles.READER)
    @Operation(summary = "An account's ledger as CSV", description = "The same lines and columns as the JSON"
            + " ledger, effective in [from, to]; at most premium.billing.ledger-page-size-max lines past which"
            + " the request is refused (narrow the dates).")
    ResponseEntity<String> ledgerCsv(@PathVariable String accountId,
                                     @RequestParam(required = false)
                                     @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                                     @RequestParam(required = false)
                                     @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
        List<LedgerLine> lines = inRange(view(accountId), from, to);
        if (lines.size() > properties.ledgerPageSizeMax()) {
            throw ApiProblem.badRequest("too-many-lines", lines.size() + " lines in range; at most "
                    + properties.ledgerPageSizeMax() + " per CSV, narrow from/to");
        }
        return ResponseEntity.ok().contentType(TEXT_CSV)
                .header("Content-Disposition", "attachment; filename=\"ledger-" + accountId + ".csv\"")
                .body(LedgerCsv.write(lines));
    }

    @GetMapping(path = "/accounts/{accountId}/balance", params = "asOf")
    @PreAuthorize(Roles.READER)
    @Operation(summary = "An account's balance as of the end of a day", description = "Rebuilt from the ledger"
            + " lines effective on or before asOf: balance, open, past due, credit and aging by days past due.")
    LedgerAsOf.Balance balanceAsOf(@PathVariable String accountId,
                                   @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf) {
        queryDates.check("asOf", asOf);
        return LedgerAsOf.balance(view(accountId), asOf);
    }

    private LedgerView view(String accountId) {
        LedgerView view = projection.documents().find(accountId).orElseThrow(() ->
                ApiProblem.notFound("account-not-found", "no account " + accountId + " in the ledger projection"));
        LedgerFold.checkInvariants(view);
        return view;
    }

    private List<LedgerLine> inRange(LedgerView view, LocalDate from, LocalDate to) {
        if (from != null) {
            queryDates.check("from", from);
        }
        if (to != null) {
            queryDates.check("to", to);
        }
        if (from != null && to != null && from.isAfter(to)) {
            throw ApiProblem.badRequest("date-range", "from " + from + " is after to " + to);
        }
        return view.lines().stream()
                .filter(line -> from == null || !line.effectiveDate().isBefore(from))
                .filter(line -> to == null || !line.effectiveDate().isAfter(to))
                .toList();
    }
}
