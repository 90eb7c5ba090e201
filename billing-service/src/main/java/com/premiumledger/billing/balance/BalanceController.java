package com.premiumledger.billing.balance;

import com.premiumledger.billing.account.RefundOwed;
import com.premiumledger.billing.balance.AccountView.BillView;
import com.premiumledger.billing.calendar.BusinessDates;
import com.premiumledger.platform.security.Roles;
import com.premiumledger.platform.web.ApiProblem;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "balances", description = "Balances and bills, projected from the billing events")
class BalanceController {

    /**
     * {@code balanceCents} = billed - payments received + reversed + refunded (negative: credit), always open less
     * credit; {@code pastDueCents} is what is
     * open on bills due before {@code businessDate}; {@code asOfSequence} is the last account event projected.
     */
    record BalanceResponse(String accountId, long billedCents, long paidCents, long paymentsReceivedCents,
                           long reversedCents, long refundedCents, long creditCents, long balanceCents,
                           long openCents, long pastDueCents,
                           LocalDate businessDate, long asOfSequence) {
    }

    record BillsResponse(String accountId, List<BillResponse> bills, LocalDate businessDate) {
    }

    /**
     * {@code kind} is {@code PREMIUM} for a coverage month's bill and {@code REFUND_OWED} for refunded credit the
     * member owes back after the payment behind it was reversed (due on the reversal's date, never missed).
     */
    record BillResponse(String billId, String kind, String coverageMonth, LocalDate dueDate, long grossPremiumCents,
                        long subsidyCents, long amountDueCents, long paidCents, long openCents, boolean missed,
                        boolean pastDue, String issuedEventId) {
    }

    private final AccountViewProjection projection;
    private final BusinessDates businessDates;

    BalanceController(AccountViewProjection projection, BusinessDates businessDates) {
        this.projection = projection;
        this.businessDates = businessDates;
    }

    @GetMapping("/accounts/{accountId}/balance")
    @PreAuthorize(Roles.READER)
    @Operation(summary = "An account's balance", description = "The current balance; with asOf, the balance at the"
            + " end of that day rebuilt from the ledger (see the ledger endpoints). 404 until the account reached the"
            + " projection.")
    BalanceResponse balance(@PathVariable String accountId) {
        AccountView view = view(accountId);
        LocalDate businessDate = businessDates.current().orElse(null);
        long pastDueCents = view.bills().stream().filter(bill -> isPastDue(bill, businessDate))
                .mapToLong(BillView::openCents).sum();
        return new BalanceResponse(view.accountId(), view.billedCents(), view.paidCents(),
                view.paymentsReceivedCents(), view.reversedCents(), view.refundedCents(), view.creditCents(),
                view.balanceCents(), view.openCents(), pastDueCents,
                businessDate, view.lastSequence());
    }

    @GetMapping("/accounts/{accountId}/bills")
    @PreAuthorize(Roles.READER)
    @Operation(summary = "An account's bills", description = "Oldest coverage month first, with refunds owed back"
            + " (kind REFUND_OWED: refunded credit whose payment was reversed); 404 until the account reached the"
            + " projection.")
    BillsResponse bills(@PathVariable String accountId) {
        AccountView view = view(accountId);
        LocalDate businessDate = businessDates.current().orElse(null);
        List<BillResponse> bills = view.bills().stream()
                .sorted(Comparator.comparing(BillView::coverageMonth))
                .map(bill -> new BillResponse(bill.billId(),
                        RefundOwed.isItem(bill.billId()) ? "REFUND_OWED" : "PREMIUM", bill.coverageMonth(),
                        bill.dueDate(),
                        bill.grossPremiumCents(), bill.subsidyCents(), bill.amountDueCents(), bill.paidCents(),
                        bill.openCents(), bill.missed(), isPastDue(bill, businessDate), bill.issuedEventId()))
                .toList();
        return new BillsResponse(view.accountId(), bills, businessDate);
    }

    private AccountView view(String accountId) {
        AccountView view = projection.documents().find(accountId).orElseThrow(() ->
                ApiProblem.notFound("account-not-found", "no account " + accountId + " in the balance projection"));
        AccountViewFold.checkInvariants(view);
        return view;
    }

    /** The business date is shared by all accounts, so past due is decided when read, not stored. */
    private static boolean isPastDue(BillView bill, LocalDate businessDate) {
        return businessDate != null && bill.openCents() > 0 && bill.dueDate().isBefore(businessDate);
    }
}
