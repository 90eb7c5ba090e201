package com.premiumledger.payment.refund;

import com.premiumledger.platform.security.Roles;
import com.premiumledger.platform.web.ApiProblem;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "refunds", description = "Refunds asked of payments, and billing's decision on each")
class RefundController {

    private final RefundViews refunds;

    RefundController(RefundViews refunds) {
        this.refunds = refunds;
    }

    @GetMapping("/refunds/{refundId}")
    @PreAuthorize(Roles.READER)
    @Operation(summary = "One refund and where it stands", description = "status PENDING until billing decides,"
            + " then REFUNDED or REJECTED (with the reason). Follows the log: a refund just requested may take a"
            + " moment to appear (404 refund-not-found until then).")
    RefundView refund(@PathVariable String refundId) {
        return refunds.refund(refundId).orElseThrow(() ->
                ApiProblem.notFound("refund-not-found", "no such refund " + refundId));
    }
}
