package com.premiumledger.deploy.bench;

import com.premiumledger.deploy.Polling;
import java.time.Duration;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Predicate;

/**
 * End-to-end lag at a fixed offered load: commands are sent on a fixed schedule (open, bill, pay for fresh
 * accounts, each step about a second after the one before so that the payment service knows the account),
 * and for one account in {@code sampleEvery} the benchmark polls the projections from the command's 2xx
 * until its effect shows: the bill and the payment on the balance, the payment as ACTIVE coverage, the
 * bill-ready and payment-received notices. Lag = first poll that sees the effect - the 2xx, so it is
 * exact to about the poll interval.
 */
final class LagProbe {

    private static final long POLL_MILLIS = 10;
    private static final long GIVE_UP_NANOS = TimeUnit.SECONDS.toNanos(30);

    private record Command(String type, String accountId, boolean sampled) {
    }

    private final Api api;
    private final String billing;
    private final String payment;
    private final String coverage;
    private final String notification;

    private final Map<String, Latencies> lags = new LinkedHashMap<>();
    private final Map<String, AtomicLong> timeouts = new LinkedHashMap<>();
    private final AtomicLong errors = new AtomicLong();
    private final AtomicLong retried = new AtomicLong();
    private final AtomicLong completed = new AtomicLong();
    private final AtomicLong pendingProbes = new AtomicLong();
    private final Latencies commandLatency = new Latencies();

    LagProbe(Api api, String billing, String payment, String coverage, String notification) {
        this.api = api;
        this.billing = billing;
        this.payment = payment;
        this.coverage = coverage;
        this.notification = notification;
        for (String projection : List.of("balance", "coverage", "notices")) {
            lags.put(projection, new Latencies());
            timeouts.put(projection, new AtomicLong());
        }
    }

    Map<String, Object> run(String prefix, YearMonth month, int rate, int seconds, int sampleEvery)
            throws InterruptedException {
        List<Command> schedule = schedule(prefix, rate, seconds, sampleEvery);
        // Enough threads that a slow answer does not hold back the schedule; the queue shows if it does.
        ExecutorService senders = Executors.newFixedThreadPool(64);
        ScheduledExecutorService probes = Executors.newScheduledThreadPool(4);
        long intervalNanos = 1_000_000_000L / rate;
        long start = System.nanoTime();
        for (int i = 0; i < schedule.size(); i++) {
            long due = start + i * intervalNanos;
            long wait = due - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            }
            Command command = schedule.get(i);
            senders.execute(() -> send(command, month, probes));
        }
        senders.shutdown();
        senders.awaitTermination(5, TimeUnit.MINUTES);
        long sendNanos = System.nanoTime() - start;
        Polling.until(Duration.ofNanos(GIVE_UP_NANOS).plusSeconds(5), Duration.ofMillis(20),
                () -> pendingProbes.get() == 0);
        probes.shutdownNow();

        Map<String, Object> result = new LinkedHashMap<>();
        result.put("offeredCommandsPerSecond", rate);
        result.put("commands", schedule.size());
        result.put("achievedCommandsPerSecond", Baselines.perSecond(completed.get(), sendNanos));
        result.put("errors", errors.get());
        result.put("paymentsRetriedAccountUnknown", retried.get());
        result.put("commandLatencyMs", commandLatency.summaryMillis());
        result.put("pollIntervalMs", POLL_MILLIS);
        lags.forEach((projection, latencies) -> {
            Map<String, Object> summary = latencies.summaryMillis();
            summary.put("timeouts", timeouts.get(projection).get());
            result.put(projection + "LagMs", summary);
        });
        return result;
    }

    /** Step j opens account j, bills account j - d and pays account j - 2d, d being about a second of load. */
    private static List<Command> schedule(String prefix, int rate, int seconds, int sampleEvery) {
        int accounts = Math.max(1, rate * seconds / 3);
        int d = Math.max(1, rate / 3);
        List<Command> schedule = new ArrayList<>();
        for (int j = 0; j < accounts + 2 * d; j++) {
            if (j < accounts) {
                schedule.add(new Command("open", id(prefix, j), false));
            }
            if (j - d >= 0 && j - d < accounts) {
                schedule.add(new Command("bill", id(prefix, j - d), (j - d) % sampleEvery == 0));
            }
            if (j - 2 * d >= 0 && j - 2 * d < accounts) {
                schedule.add(new Command("pay", id(prefix, j - 2 * d), (j - 2 * d) % sampleEvery == 0));
            }
        }
        return schedule;
    }

    private static String id(String prefix, int index) {
        return String.format("%s-%06d", prefix, index);
    }

    private void send(Command command, YearMonth month, ScheduledExecutorService probes) {
        long sent = System.nanoTime();
        Api.Reply reply = dispatch(command, month);
        if (reply.status() == 404 && command.type().equals("pay")) {
            // The payment service learns of accounts from billing's events; it was not there yet.
            retried.incrementAndGet();
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(200));
            sent = System.nanoTime();
            reply = dispatch(command, month);
        }
        long accepted = System.nanoTime();
        commandLatency.recordNanos(accepted - sent);
        completed.incrementAndGet();
        if (!reply.ok()) {
            errors.incrementAndGet();
            return;
        }
        if (!command.sampled()) {
            return;
        }
        String id = command.accountId();
        if (command.type().equals("bill")) {
            probe(probes, "balance", accepted, billing + "/accounts/" + id + "/balance",
                    body -> body.path("billedCents").asLong() >= 20_000);
            probe(probes, "notices", accepted, notification + "/accounts/" + id + "/notices",
                    body -> hasNotice(body, "BILL_READY"));
        } else if (command.type().equals("pay")) {
            probe(probes, "balance", accepted, billing + "/accounts/" + id + "/balance",
                    body -> body.path("paymentsReceivedCents").asLong() >= 20_000);
            probe(probes, "coverage", accepted, coverage + "/accounts/" + id + "/coverage",
                    body -> "ACTIVE".equals(body.path("status").asText()));
            probe(probes, "notices", accepted, notification + "/accounts/" + id + "/notices",
                    body -> hasNotice(body, "PAYMENT_RECEIVED"));
        }
    }

    private Api.Reply dispatch(Command command, YearMonth month) {
        String id = command.accountId();
        return switch (command.type()) {
            case "open" -> api.post(Api.SERVICE, billing + "/accounts", Map.of("accountId", id,
                    "holderName", "Member " + id, "program", "APTC", "coverageStart", month.atDay(1).toString(),
                    "language", "en", "email", id.toLowerCase() + "@example.org"), Map.of());
            case "bill" -> api.post(Api.SERVICE, billing + "/accounts/" + id + "/bills", Map.of(
                    "coverageMonth", month.toString(), "grossPremiumCents", 50_000, "subsidyCents", 30_000), Map.of());
            default -> api.post(Api.SERVICE, payment + "/payments", Map.of("accountId", id, "amountCents", 20_000,
                    "method", "ACH", "channel", "ONLINE", "bankAccountLastFour", "6789"),
                    Map.of("Idempotency-Key", "lag-" + id));
        };
    }

    private static boolean hasNotice(JsonNode body, String type) {
        for (JsonNode notice : body.path("notices")) {
            if (type.equals(notice.path("type").asText())) {
                return true;
            }
        }
        return false;
    }

    private void probe(ScheduledExecutorService probes, String projection, long accepted, String url,
                       Predicate<JsonNode> effect) {
        pendingProbes.incrementAndGet();
        probes.execute(new Runnable() {
            @Override
            public void run() {
                Api.Reply reply = api.get(Api.AUDITOR, url);
                long seen = System.nanoTime();
                if (reply.status() == 200 && effect.test(Api.json(reply.body()))) {
                    lags.get(projection).recordNanos(seen - accepted);
                    pendingProbes.decrementAndGet();
                } else if (seen - accepted > GIVE_UP_NANOS) {
                    timeouts.get(projection).incrementAndGet();
                    pendingProbes.decrementAndGet();
                } else if (!probes.isShutdown()) {
                    probes.schedule(this, POLL_MILLIS, TimeUnit.MILLISECONDS);
                }
            }
        });
    }
}
