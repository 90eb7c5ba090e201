package com.premiumledger.payment.payment;

/** Why cash came back; each reason belongs to the methods that can produce it. */
enum ReversalReason {
    NSF(PaymentMethod.ACH),
    RETURNED_CHECK(PaymentMethod.CHECK, PaymentMethod.MONEY_ORDER),
    CHARGEBACK(PaymentMethod.CARD);

    private final PaymentMethod[] methods;

    ReversalReason(PaymentMethod... methods) {
        this.methods = methods;
    }

    boolean fits(String method) {
        for (PaymentMethod candidate : methods) {
            if (candidate.name().equals(method)) {
                return true;
            }
        }
        return false;
    }
}
