package com.premiumledger.payment.payment;

/** Where the payment came in. The names are the contract values of {@code PaymentRecorded.channel}. */
public enum PaymentChannel { ONLINE, MAIL, PHONE, AUTOPAY }
