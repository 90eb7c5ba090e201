package com.premiumledger.payment.unapplied;

import com.premiumledger.payment.PaymentProperties;
import com.premiumledger.platform.security.Roles;
import com.premiumledger.platform.web.ApiProblem;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "unapplied queue", description = "Cash that matched no account, waiting for an operator to assign it")
class UnappliedQueueController {

    /** A page of the queue, oldest first; totalCount counts all waiting payments. */
    record UnappliedQueueResponse(int totalCount, int offset, int limit, List<UnappliedPayment> payments) {
    }

    private final UnappliedQueueProjection queue;
    private final PaymentProperties properties;

    UnappliedQueueController(UnappliedQueueProjection queue, PaymentProperties properties) {
        this.queue = queue;
        this.properties = properties;
    }

    @GetMapping("/payments/unapplied")
    @PreAuthorize(Roles.READER)
    @Operation(summary = "The unapplied queue, oldest first", description = "Payments that quoted an unknown"
            + " account, until assigned (POST /payments/{paymentId}/assignment) or reversed. offset (default 0) and"
            + " limit (default and maximum configured) page the list. Follows the log: a payment just received may"
            + " take a moment to appear.")
    UnappliedQueueResponse unapplied(@RequestParam(required = false) Integer offset,
                                     @RequestParam(required = false) Integer limit) {
        int from = offset == null ? 0 : offset;
        int size = limit == null ? properties.historyPageSizeDefault() : limit;
        if (from < 0 || size < 1 || size > properties.historyPageSizeMax()) {
            throw ApiProblem.badRequest("page", "offset must be at least 0 and limit between 1 and "
                    + properties.historyPageSizeMax());
        }
        List<String> waiting = queue.waitingIds();
        List<String> page = waiting.subList(Math.min(from, waiting.size()),
                (int) Math.min((long) from + size, waiting.size()));
        return new UnappliedQueueResponse(waiting.size(), from, size, queue.payments(page));
    }
}
