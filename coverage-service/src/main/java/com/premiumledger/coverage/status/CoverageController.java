package com.premiumledger.coverage.status;

import com.premiumledger.coverage.CoverageProperties;
import com.premiumledger.coverage.lifecycle.CoverageStatus;
import com.premiumledger.platform.security.Roles;
import com.premiumledger.platform.web.ApiProblem;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.Arrays;
import java.util.List;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "coverage", description = "Coverage status per account, its history, and accounts by status")
class CoverageController {

    private final CoverageViewProjection projection;
    private final CoverageProperties properties;

    CoverageController(CoverageViewProjection projection, CoverageProperties properties) {
        this.projection = projection;
        this.properties = properties;
    }

    @GetMapping("/accounts/{accountId}/coverage")
    @PreAuthorize(Roles.READER)
    @Operation(summary = "An account's coverage status, since when, and every change that led there",
            description = "Also the program, the paid-through date (last day of the last fully paid month), the"
                    + " grace period (start and end) and, when TERMINATED, the termination effective date (null"
                    + " where none applies). Each history entry carries the same dates and names the coverage event"
                    + " (id and Kafka position) and the billing event or closed day that caused it. 404 when no"
                    + " coverage is known for the account.")
    CoverageView coverage(@PathVariable String accountId) {
        checkAccountId(accountId);
        return projection.coverage(accountId).orElseThrow(() ->
                ApiProblem.notFound("coverage-not-found", "no coverage is known for account " + accountId));
    }

    @GetMapping("/coverage")
    @PreAuthorize(Roles.READER)
    @Operation(summary = "The accounts whose coverage is in a status, one page at a time, by account id",
            description = "size is at most premium.coverage.page-size-max; an unknown status is 400.")
    StatusPage byStatus(
            @Parameter(description = "PENDING_PAYMENT, ACTIVE, GRACE, SUSPENDED, TERMINATED or CANCELLED")
            @RequestParam(required = false) String status,
            @Parameter(description = "zero-based page number") @RequestParam(defaultValue = "0") int page,
            @Parameter(description = "account ids per page") @RequestParam(required = false) Integer size) {
        CoverageStatus wanted = parseStatus(status);
        int pageSize = pageSize(size);
        if (page < 0) {
            throw ApiProblem.badRequest("page", "page is zero or more");
        }
        List<String> all = projection.accountsWithStatus(wanted);
        int from = (int) Math.min((long) page * pageSize, all.size());
        int to = (int) Math.min((long) from + pageSize, all.size());
        return new StatusPage(wanted.name(), page, pageSize, all.size(), all.subList(from, to));
    }

    private void checkAccountId(String accountId) {
        if (accountId.isBlank() || accountId.length() > properties.accountIdLengthMax()) {
            throw ApiProblem.badRequest("invalid-id", "an account id has 1 to " + properties.accountIdLengthMax()
                    + " characters");
        }
    }

    private static CoverageStatus parseStatus(String status) {
        // Checked here, not by Spring, so that a missing status gets this problem type too.
        if (status == null) {
            throw ApiProblem.badRequest("missing-status", "the status parameter is required");
        }
        return Arrays.stream(CoverageStatus.values()).filter(known -> known.name().equals(status)).findFirst()
                .orElseThrow(() -> ApiProblem.badRequest("unknown-status", "status must be one of "
                        + Arrays.toString(CoverageStatus.values())));
    }

    private int pageSize(Integer size) {
        int pageSize = size == null ? properties.pageSizeDefault() : size;
        if (pageSize < 1 || pageSize > properties.pageSizeMax()) {
            throw ApiProblem.badRequest("page-size", "size is 1 to " + properties.pageSizeMax());
        }
        return pageSize;
    }
}
