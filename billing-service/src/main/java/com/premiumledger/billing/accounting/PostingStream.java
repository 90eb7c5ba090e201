package com.premiumledger.billing.accounting;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The {@code posting_streams} document of one aggregate stream (an account or a payment): its debit and
 * credit totals per ledger account, overall and per effective day, as of its event {@code lastSequence}.
 * Written only as the successor of the version read, so each event posts exactly once.
 */
record PostingStream(String streamId, long lastSequence, Map<String, Totals> totals,
                     Map<String, Map<String, Totals>> days) {

    PostingStream {
        totals = new TreeMap<>(totals);
        days = new TreeMap<>(days);
    }

    record Totals(long debitCents, long creditCents) {

        static final Totals ZERO = new Totals(0, 0);

        Totals plus(long moreDebitCents, long moreCreditCents) {
            return new Totals(Math.addExact(debitCents, moreDebitCents), Math.addExact(creditCents, moreCreditCents));
        }
    }

    static PostingStream empty(String streamId) {
        return new PostingStream(streamId, -1, Map.of(), Map.of());
    }

    PostingStream posted(EventPostings.Entry entry, long sequence) {
        Map<String, Totals> newTotals = add(totals, entry.postings());
        Map<String, Map<String, Totals>> newDays = new TreeMap<>(days);
        String day = entry.effectiveDate().toString();
        newDays.put(day, add(days.getOrDefault(day, Map.of()), entry.postings()));
        return new PostingStream(streamId, sequence, newTotals, newDays);
    }

    private static Map<String, Totals> add(Map<String, Totals> before, List<Posting> postings) {
        Map<String, Totals> after = new TreeMap<>(before);
        for (Posting posting : postings) {
            after.put(posting.ledgerAccount(), after.getOrDefault(posting.ledgerAccount(), Totals.ZERO)
                    .plus(posting.debitCents(), posting.creditCents()));
        }
        return after;
    }

    /** Each stream balances on its own, overall and on every day; checked before writing and after reading. */
    void checkBalanced() {
        check(totals, "overall");
        days.forEach((day, dayTotals) -> check(dayTotals, day));
    }

    private void check(Map<String, Totals> byAccount, String when) {
        long debitCents = byAccount.values().stream().mapToLong(Totals::debitCents).sum();
        long creditCents = byAccount.values().stream().mapToLong(Totals::creditCents).sum();
        if (debitCents != creditCents) {
            throw new IllegalStateException("postings of stream " + streamId + " do not balance (" + when + "): "
                    + debitCents + " debit, " + creditCents + " credit");
        }
    }
}
