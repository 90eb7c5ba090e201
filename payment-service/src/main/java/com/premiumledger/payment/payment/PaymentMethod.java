package com.premiumledger.payment.payment;

/** How the money came. The names are the contract values of {@code PaymentRecorded.method}. */
public enum PaymentMethod { CARD, ACH, CHECK, MONEY_ORDER }
