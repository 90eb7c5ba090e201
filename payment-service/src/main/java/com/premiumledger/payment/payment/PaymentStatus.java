package com.premiumledger.payment.payment;

/**
 * Where a payment stands. RECORDED: matched an account on receipt. UNAPPLIED: matched none and waits in the
 * queue. ASSIGNED: an operator gave the unapplied payment its account. REVERSED: the cash was taken back.
 */
public enum PaymentStatus { RECORDED, UNAPPLIED, ASSIGNED, REVERSED }
