package com.premiumledger.billing.autopay;

import com.mongodb.client.model.Filters;
import com.premiumledger.billing.account.CancelAutopayCommand;
import com.premiumledger.billing.account.EnrollAutopayCommand;
import com.premiumledger.billing.account.ReportAutopayFailureCommand;
import com.premiumledger.billing.calendar.BusinessDates;
import com.premiumledger.platform.command.LedgerCommands;
import com.premiumledger.platform.rebuild.ProjectionCollections;
import com.premiumledger.platform.rebuild.ProjectionStore;
import com.premiumledger.platform.security.Roles;
import com.premiumledger.platform.web.ApiProblem;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.security.Principal;
import java.time.LocalDate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Autopay enrollment. Billing charges nothing itself: the exchange's autopay runner (an internal service) charges
 * each bill on its due date, records the payment through the payment service, and reports here the charges it
 * could not make.
 */
@RestController
@Tag(name = "autopay", description = "Autopay enrollment and the failures the autopay runner reports")
class AutopayController {

    /** The balance projection's collection: an account appears there once its AccountOpened was projected. */
    private static final String ACCOUNT_VIEWS = "account_views";
    /** The balance projection (its copy in use is resolved on every read: it can be rebuilt). */
    private static final String ACCOUNT_VIEWS_PROJECTION = "account-views";

    record EnrollRequest(
            @Schema(allowableValues = {"ACH", "CARD"}) @NotNull @Pattern(regexp = "^(ACH|CARD)$",
                    message = "must be ACH or CARD") String method,
            @Schema(description = "last four digits of the bank account or card; never a full number",
                    example = "6789") @NotNull @Pattern(regexp = "^[0-9]{4}$",
                    message = "must be exactly the last 4 digits") String lastFour) {
    }

    record FailureRequest(
            @NotBlank @Size(max = 100) String billId,
            @NotNull @Positive Long amountCents,
            @Schema(example = "NSF") @NotBlank @Size(max = 200) String reason) {
    }

    record AutopayResponse(String accountId, boolean enrolled, String method, String lastFour, LocalDate businessDate) {
    }

    record FailureResponse(String accountId, String billId, long amountCents, String reason) {
    }

    private final LedgerCommands commands;
    private final BusinessDates businessDates;
    private final AutopayProjection projection;
    private final ProjectionCollections accountViews;

    AutopayController(LedgerCommands commands, BusinessDates businessDates, AutopayProjection projection,
                      ProjectionStore projections) {
        this.commands = commands;
        this.businessDates = businessDates;
        this.projection = projection;
        this.accountViews = projections.live(ACCOUNT_VIEWS_PROJECTION);
    }

    @PutMapping("/accounts/{accountId}/autopay")
    @PreAuthorize(Roles.SERVICE)
    @Operation(summary = "Enroll the account in autopay",
            description = "method ACH or CARD with the last four digits only. 201 when enrolled; 409"
                    + " (autopay-enrolled) when it already is (cancel first to change the method); 404 for an"
                    + " unknown account.")
    ResponseEntity<AutopayResponse> enroll(@PathVariable String accountId, @Valid @RequestBody EnrollRequest request,
                                           Principal principal) {
        LocalDate businessDate = businessDates.current().orElse(null);
        commands.send(new EnrollAutopayCommand(accountId, request.method(), request.lastFour(), businessDate,
                principal.getName()), principal.getName());
        return ResponseEntity.created(URI.create("/accounts/" + accountId + "/autopay"))
                .body(new AutopayResponse(accountId, true, request.method(), request.lastFour(), businessDate));
    }

    @DeleteMapping("/accounts/{accountId}/autopay")
    @PreAuthorize(Roles.SERVICE)
    @Operation(summary = "Cancel the account's autopay",
            description = "200 when cancelled; 409 (autopay-not-enrolled) when it is not enrolled; 404 for an"
                    + " unknown account.")
    AutopayResponse cancel(@PathVariable String accountId, Principal principal) {
        LocalDate businessDate = businessDates.current().orElse(null);
        commands.send(new CancelAutopayCommand(accountId, businessDate, principal.getName()), principal.getName());
        return new AutopayResponse(accountId, false, null, null, businessDate);
    }

    @PostMapping("/accounts/{accountId}/autopay/failures")
    @PreAuthorize(Roles.SERVICE)
    @Operation(summary = "Report a charge the autopay runner could not make",
            description = "Records AutopayFailed (the member gets a notice); nothing is paid and the bill stays"
                    + " open. 404 (bill-not-found) for a bill the account does not have; 409"
                    + " (autopay-not-enrolled) when the account is not enrolled.")
    ResponseEntity<FailureResponse> failure(@PathVariable String accountId, @Valid @RequestBody FailureRequest request,
                                            Principal principal) {
        commands.send(new ReportAutopayFailureCommand(accountId, request.billId(), request.amountCents(),
                request.reason(), principal.getName()), principal.getName());
        return ResponseEntity.status(HttpStatus.CREATED).body(new FailureResponse(accountId, request.billId(),
                request.amountCents(), request.reason().strip()));
    }

    @GetMapping("/accounts/{accountId}/autopay")
    @PreAuthorize(Roles.READER)
    @Operation(summary = "The account's autopay status",
            description = "Enrolled or not, method and last four, since which business date, and the last failure"
                    + " reported. Projected from the billing events, so it can lag a write briefly. 404 when the"
                    + " account is not known to the projections yet.")
    AutopayView status(@PathVariable String accountId) {
        return projection.find(accountId).orElseGet(() -> {
            if (accountViews.collection(ACCOUNT_VIEWS).find(Filters.eq("_id", accountId)).first() == null) {
                throw ApiProblem.notFound("account-not-found", "no account " + accountId + " is known here");
            }
            return new AutopayView(accountId, false, null, null, null, null, null, null);
        });
    }
}
