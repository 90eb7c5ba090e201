package com.premiumledger.billing.account;

import com.premiumledger.billing.BillingProperties;
import com.premiumledger.billing.account.AccountRequests.AccountResponse;
import com.premiumledger.billing.account.AccountRequests.BillResponse;
import com.premiumledger.billing.account.AccountRequests.IssueBillRequest;
import com.premiumledger.billing.account.AccountRequests.MissPaymentRequest;
import com.premiumledger.billing.account.AccountRequests.MissedResponse;
import com.premiumledger.billing.account.AccountRequests.OpenAccountRequest;
import com.premiumledger.billing.calendar.BusinessDates;
import com.premiumledger.billing.calendar.DueIndex;
import com.premiumledger.platform.command.LedgerCommands;
import com.premiumledger.platform.idempotency.IdempotencyHeaders;
import com.premiumledger.platform.idempotency.IdempotentRequests;
import com.premiumledger.platform.idempotency.IdempotentRequests.Outcome;
import com.premiumledger.platform.idempotency.RequestHash;
import com.premiumledger.platform.security.Roles;
import com.premiumledger.platform.web.ApiProblem;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.net.URI;
import java.security.Principal;
import java.time.Clock;
import java.time.LocalDate;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "accounts", description = "Billing accounts, their bills and missed payments")
class AccountController {

    /** The Idempotency-Key scope of POST /accounts/{id}/bills. */
    static final String BILLS_SCOPE = "bills";

    private final LedgerCommands commands;
    private final DueIndex dueIndex;
    private final BusinessDates businessDates;
    private final AccountIdGenerator accountIds;
    private final BillingProperties properties;
    private final IdempotentRequests idempotentRequests;
    private final Clock clock = Clock.systemUTC();

    AccountController(LedgerCommands commands, DueIndex dueIndex, BusinessDates businessDates,
                      AccountIdGenerator accountIds, BillingProperties properties,
                      IdempotentRequests idempotentRequests) {
        this.commands = commands;
        this.dueIndex = dueIndex;
        this.businessDates = businessDates;
        this.accountIds = accountIds;
        this.properties = properties;
        this.idempotentRequests = idempotentRequests;
    }

    @PostMapping("/accounts")
    @PreAuthorize(Roles.SERVICE)
    @Operation(summary = "Open a billing account",
            description = "accountId is optional (generated as A + 9 digits); an existing accountId is a 409. Contact"
                    + " details for notices are optional: phone (E.164), mailingAddress (US: two-letter state, ZIP or"
                    + " ZIP+4) and noticePreference (EMAIL, SMS or MAIL), which needs the contact it names (400"
                    + " otherwise).")
    ResponseEntity<AccountResponse> open(@Valid @RequestBody OpenAccountRequest request, Principal principal) {
        String accountId = request.accountId() != null ? openWithId(request, request.accountId(), principal)
                : openWithGeneratedId(request, principal);
        AccountResponse body = new AccountResponse(accountId, request.holderName().strip(), request.program(),
                request.coverageStart(), AccountRules.languageOrDefault(request.language()), request.email(),
                request.phone(), request.address(), request.noticePreference());
        return ResponseEntity.created(URI.create("/accounts/" + accountId)).body(body);
    }

    private String openWithId(OpenAccountRequest request, String accountId, Principal principal) {
        try {
            commands.send(toCommand(request, accountId, principal), principal.getName());
            return accountId;
        } catch (AggregateStreamCreationException e) {
            throw ApiProblem.conflict("account-exists", "account " + accountId + " already exists");
        }
    }

    private String openWithGeneratedId(OpenAccountRequest request, Principal principal) {
        for (int attempt = 1; attempt < properties.accountIdAttemptsMax(); attempt++) {
            String accountId = accountIds.next();
            try {
                commands.send(toCommand(request, accountId, principal), principal.getName());
                return accountId;
            } catch (AggregateStreamCreationException e) {
                // A billion numbers make a collision rare; try another rather than fail the member.
            }
        }
        return openWithId(request, accountIds.next(), principal);
    }

    private static OpenAccountCommand toCommand(OpenAccountRequest request, String accountId, Principal principal) {
        return new OpenAccountCommand(accountId, request.holderName(), request.program(), request.coverageStart(),
                request.language(), request.email(), request.phone(), request.address(), request.noticePreference(),
                principal.getName());
    }

    @PostMapping("/accounts/{accountId}/bills")
    @PreAuthorize(Roles.SERVICE)
    @Operation(summary = "Issue the bill for one coverage month",
            description = "201 with the new bill; 200 with the same body when that bill already exists with the"
                    + " same amounts; 409 bill-differs when it exists with different ones. The bill is issued on the"
                    + " current business date (the UTC date before any day was closed). Takes an"
                    + IdempotencyHeaders.RULES + " Without the header the bill's natural key (one per account and"
                    + " month) still makes a retry safe, unless premium.billing.idempotency-key-required is true"
                    + " (then 400 idempotency-key-required).")
    ResponseEntity<BillResponse> issueBill(
            @PathVariable String accountId,
            @Parameter(description = "client-chosen key, unique per bill request")
            @RequestHeader(name = IdempotencyHeaders.IDEMPOTENCY_KEY, required = false) String idempotencyKey,
            @Valid @RequestBody IssueBillRequest request, Principal principal) {
        if (!AccountRules.isAccountId(accountId)) {
            throw ApiProblem.notFound("not-found", "no such account " + accountId);
        }
        if (idempotencyKey == null && !properties.idempotencyKeyRequired()) {
            return billAnswer(issue(prepareBill(accountId, request, principal), principal), false);
        }
        IdempotencyHeaders.check(idempotencyKey);
        Outcome<IssuedBill> outcome = idempotentRequests.run(idempotencyKey,
                RequestHash.of(request, principal.getName(), accountId),
                new IdempotentRequests.Operation<>(BILLS_SCOPE, IssuedBill::status, IssueBillCommand.class,
                        IssuedBill.class, () -> prepareBill(accountId, request, principal),
                        (command, retry) -> issue(command, principal), "not-found"));
        return billAnswer(outcome.response(), outcome.replayed());
    }

    /** A bill as answered, and whether it was created by this request ({@code 201}) or already there. */
    record IssuedBill(BillResponse bill, boolean created) {

        int status() {
            return created ? HttpStatus.CREATED.value() : HttpStatus.OK.value();
        }
    }

    /** Checks what can be checked before anything is written, and builds the command. */
    private IssueBillCommand prepareBill(String accountId, IssueBillRequest request, Principal principal) {
        BillRules.checkAmounts(request.grossPremiumCents(), request.subsidyCents(), properties);
        LocalDate dueDate = DueDates.resolve(request.coverageMonth(), request.dueDate(), properties.dueDayOfMonth());
        dueIndex.add(dueDate, accountId);
        // Before the calendar's first close there is no business date yet: the UTC date of the clock stands in.
        LocalDate issuedDate = businessDates.current().orElseGet(() -> LocalDate.now(clock));
        return new IssueBillCommand(accountId, request.coverageMonth(), request.grossPremiumCents(),
                request.subsidyCents(), request.dueDate(), issuedDate, principal.getName());
    }

    private IssuedBill issue(IssueBillCommand command, Principal principal) {
        IssueBillResult result = commands.send(command, principal.getName());
        // A bill issued after its due date already passed would never meet the day that decides it.
        businessDates.current().filter(today -> result.dueDate().isBefore(today))
                .ifPresent(today -> commands.send(new DecideMissedPaymentsCommand(command.accountId(), today),
                        principal.getName()));
        return new IssuedBill(BillResponse.of(result), result.created());
    }

    private static ResponseEntity<BillResponse> billAnswer(IssuedBill issued, boolean replayed) {
        return IdempotencyHeaders.answer(new Outcome<>(issued.status(), issued.bill(), replayed),
                URI.create("/accounts/" + issued.bill().accountId() + "/bills"));
    }

    @PostMapping("/accounts/{accountId}/bills/{billId}/missed")
    @PreAuthorize(Roles.OPERATOR)
    @Operation(summary = "Record by hand that a bill's payment was missed",
            description = "businessDate defaults to the current business date (400 if no day was ever closed);"
                    + " 409 when the bill is paid or already missed.")
    MissedResponse missPayment(@PathVariable String accountId, @PathVariable String billId,
                               @Valid @RequestBody(required = false) MissPaymentRequest request, Principal principal) {
        LocalDate businessDate = request != null && request.businessDate() != null ? request.businessDate()
                : businessDates.current().orElseThrow(() -> ApiProblem.badRequest("no-business-date",
                        "no day was ever closed; give businessDate"));
        MissPaymentResult result = commands.send(new MissPaymentCommand(accountId, billId, businessDate,
                principal.getName()), principal.getName());
        return new MissedResponse(result.accountId(), result.billId(), true, result.openCents(), result.businessDate());
    }
}
