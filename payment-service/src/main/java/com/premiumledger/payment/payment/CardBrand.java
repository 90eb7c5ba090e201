package com.premiumledger.payment.payment;

/** Card networks; the brand and last four digits are all that is ever kept of a card. */
public enum CardBrand { VISA, MASTERCARD, DISCOVER, AMEX }
