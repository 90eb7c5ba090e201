package com.premiumledger.deploy.bench;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * N accounts x M months of commands through the HTTP APIs at a fixed concurrency, as a member's year
 * would go: open the account; then each month bill every account, take the payments (one bill in
 * {@code unpaidEvery} is left unpaid) and close the day after the due date, which misses the unpaid bills.
 * Between phases the benchmark waits, untimed, until the consumers have caught up, so that payments find
 * their accounts and a close sees the payments applied; the figures cover only the time commands were
 * in flight.
 */
final class CommandLoad {

    /** A wait between phases (consumers catching up), excluded from the timed windows. */
    interface Quiesce {
        void await() throws InterruptedException;
    }

    private final Api api;
    private final String billing;
    private final String payment;
    private final int concurrency;
    private final int unpaidEvery;
    private final Quiesce quiesce;

    private final Map<String, Latencies> byType = new LinkedHashMap<>();
    private final Latencies all = new Latencies();
    private final AtomicLong errors = new AtomicLong();
    private final AtomicReference<String> firstError = new AtomicReference<>();
    private long timedNanos;
    private long quiesceNanos;

    CommandLoad(Api api, String billing, String payment, int concurrency, int unpaidEvery, Quiesce quiesce) {
        this.api = api;
        this.billing = billing;
        this.payment = payment;
        this.concurrency = concurrency;
        this.unpaidEvery = unpaidEvery;
        this.quiesce = quiesce;
        for (String type : List.of("openAccount", "issueBill", "payment", "closeDay")) {
            byType.put(type, new Latencies());
        }
    }

    /**
     * Accounts {@code prefix}-000000.. with bills for {@code months} months from {@code first}, each month's bills
     * paid but one in {@code unpaidEvery}, and the day after each due date closed.
     */
    void run(String prefix, int accounts, YearMonth first, int months) throws InterruptedException {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < accounts; i++) {
            ids.add(String.format("%s-%06d", prefix, i));
        }
        phase("openAccount", ids, id -> api.post(Api.SERVICE, billing + "/accounts", Map.of(
                "accountId", id, "holderName", "Member " + id, "program", "APTC",
                "coverageStart", first.atDay(1).toString(), "language", "en",
                "email", id.toLowerCase() + "@example.org"), Map.of()));
        for (int m = 0; m < months; m++) {
            YearMonth month = first.plusMonths(m);
            quiesce();
            phase("issueBill", ids, id -> api.post(Api.SERVICE, billing + "/accounts/" + id + "/bills", Map.of(
                    "coverageMonth", month.toString(), "grossPremiumCents", 50_000, "subsidyCents", 30_000), Map.of()));
            int monthIndex = m;
            List<String> payers = new ArrayList<>();
            for (int i = 0; i < ids.size(); i++) {
                if ((i + monthIndex) % unpaidEvery != 0) {
                    payers.add(ids.get(i));
                }
            }
            quiesce();
            phase("payment", payers, id -> api.post(Api.SERVICE, payment + "/payments", Map.of(
                    "accountId", id, "amountCents", 20_000, "method", "ACH", "channel", "ONLINE",
                    "bankAccountLastFour", "6789"), // No long digit runs in the key: the payment service rejects what looks like a card number.
                    Map.of("Idempotency-Key", "pay-" + id + "-M" + monthIndex)));
            quiesce();
            // The bill for month M is due on the 23rd of the month before; the day after misses it if unpaid.
            LocalDate close = month.minusMonths(1).atDay(24);
            phase("closeDay", List.of(close.toString()), date ->
                    api.post(Api.OPERATOR, billing + "/calendar/days/" + date + "/close", null, Map.of()));
        }
        quiesce();
    }

    private void quiesce() throws InterruptedException {
        long start = System.nanoTime();
        quiesce.await();
        quiesceNanos += System.nanoTime() - start;
    }

    private void phase(String type, List<String> items, java.util.function.Function<String, Api.Reply> command)
            throws InterruptedException {
        Latencies latencies = byType.get(type);
        AtomicInteger next = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(concurrency, items.size()));
        long start = System.nanoTime();
        try {
            List<Future<?>> workers = new ArrayList<>();
            for (int w = 0; w < Math.min(concurrency, items.size()); w++) {
                workers.add(pool.submit(() -> {
                    for (int i = next.getAndIncrement(); i < items.size(); i = next.getAndIncrement()) {
                        long sent = System.nanoTime();
                        Api.Reply reply = command.apply(items.get(i));
                        long took = System.nanoTime() - sent;
                        latencies.recordNanos(took);
                        all.recordNanos(took);
                        if (!reply.ok()) {
                            errors.incrementAndGet();
                            firstError.compareAndSet(null, type + " " + items.get(i) + ": " + reply.status() + " "
                                    + reply.body());
                        }
                    }
                }));
            }
            for (Future<?> worker : workers) {
                worker.get();
            }
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        } finally {
            pool.shutdownNow();
        }
        timedNanos += System.nanoTime() - start;
    }

    Map<String, Object> result() {
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("commands", all.count());
        result.put("errors", errors.get());
        if (firstError.get() != null) {
            result.put("firstError", firstError.get().length() > 300 ? firstError.get().substring(0, 300)
                    : firstError.get());
        }
        result.put("concurrency", concurrency);
        result.put("timedSeconds", Latencies.round(timedNanos / 1e9));
        result.put("commandsPerSecond", Baselines.perSecond(all.count(), timedNanos));
        result.put("latencyMs", all.summaryMillis());
        Map<String, Object> types = new LinkedHashMap<>();
        byType.forEach((type, latencies) -> types.put(type, latencies.summaryMillis()));
        result.put("latencyMsByType", types);
        result.put("consumerCatchUpSeconds", Latencies.round(quiesceNanos / 1e9));
        return result;
    }

    long commands() {
        return all.count();
    }

    long errors() {
        return errors.get();
    }
}
