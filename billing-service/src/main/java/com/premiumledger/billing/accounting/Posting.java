package com.premiumledger.billing.accounting;

/** One side of a double entry: exactly one of the amounts is non-zero, and never negative. */
public record Posting(String ledgerAccount, long debitCents, long creditCents) {

    public Posting {
        if (debitCents < 0 || creditCents < 0 || (debitCents > 0 && creditCents > 0)) {
            throw new IllegalArgumentException("a posting is a debit or a credit, never negative: " + ledgerAccount
                    + " " + debitCents + "/" + creditCents);
        }
    }

    public static Posting debit(String ledgerAccount, long amountCents) {
        return new Posting(ledgerAccount, amountCents, 0);
    }

    public static Posting credit(String ledgerAccount, long amountCents) {
        return new Posting(ledgerAccount, 0, amountCents);
    }
}
