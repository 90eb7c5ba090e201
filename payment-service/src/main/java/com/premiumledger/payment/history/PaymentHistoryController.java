package com.premiumledger.payment.history;

import com.premiumledger.payment.PaymentProperties;
import com.premiumledger.payment.billing.KnownAccounts;
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
@Tag(name = "payment history", description = "Recorded payments, each traced to its event on the log")
class PaymentHistoryController {

    /** A page of an account's payments, oldest first; the sums cover all of them, reversed ones apart. */
    record AccountPaymentsResponse(String accountId, int totalCount, int offset, int limit,
                                   long totalAmountCents, long reversedAmountCents, List<PaymentView> payments) {
    }

    private final PaymentHistoryProjection history;
    private final KnownAccounts accounts;
    private final PaymentProperties properties;

    PaymentHistoryController(PaymentHistoryProjection history, KnownAccounts accounts, PaymentProperties properties) {
        this.history = history;
        this.accounts = accounts;
        this.properties = properties;
    }

    @GetMapping("/payments/{paymentId}")
    @PreAuthorize(Roles.READER)
    @Operation(summary = "One recorded payment",
            description = "From the history projection, which follows the log: a payment just recorded may take a"
                    + " moment to appear (404 payment-not-found until then).")
    PaymentView payment(@PathVariable String paymentId) {
        return history.payment(paymentId).orElseThrow(() ->
                ApiProblem.notFound("payment-not-found", "no such payment " + paymentId));
    }

    @GetMapping("/accounts/{accountId}/payments")
    @PreAuthorize(Roles.READER)
    @Operation(summary = "An account's payments, oldest first",
            description = "offset (default 0) and limit (default and maximum configured) page the list;"
                    + " totalAmountCents sums all of them,"
                    + " reversedAmountCents those reversed since. 404 account-not-found for an account never opened.")
    AccountPaymentsResponse accountPayments(@PathVariable String accountId,
                                            @RequestParam(required = false) Integer offset,
                                            @RequestParam(required = false) Integer limit) {
        int from = offset == null ? 0 : offset;
        int size = limit == null ? properties.historyPageSizeDefault() : limit;
        if (from < 0 || size < 1 || size > properties.historyPageSizeMax()) {
            throw ApiProblem.badRequest("page", "offset must be at least 0 and limit between 1 and "
                    + properties.historyPageSizeMax());
        }
        List<PaymentView> payments = history.accountPayments(accountId).orElseGet(() -> {
            if (!accounts.exists(accountId)) {
                throw ApiProblem.notFound("account-not-found", "no such account " + accountId);
            }
            return List.of();
        });
        long totalAmountCents = payments.stream().mapToLong(PaymentView::amountCents).sum();
        long reversedAmountCents = payments.stream().filter(payment -> "REVERSED".equals(payment.status()))
                .mapToLong(PaymentView::amountCents).sum();
        List<PaymentView> page = payments.subList(Math.min(from, payments.size()),
                (int) Math.min((long) from + size, payments.size()));
        return new AccountPaymentsResponse(accountId, payments.size(), from, size, totalAmountCents,
                reversedAmountCents, page);
    }
}
