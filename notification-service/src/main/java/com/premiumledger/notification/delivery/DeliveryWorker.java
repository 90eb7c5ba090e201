package com.premiumledger.notification.delivery;

import com.premiumledger.notification.NotificationProperties;
import com.premiumledger.notification.notice.NoticeChannel;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Delivers queued notices: claims one at a time with a lease (so a second instance never takes the same
 * notice), sends it through its channel, and marks it SENT. A failed attempt is retried with exponential
 * backoff; when the last allowed attempt fails, the notice is FAILED, counted, and printed as a letter instead.
 * Retries run on the wall clock: they are about reaching the member, not about what the notice says.
 */
@Component
class DeliveryWorker implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(DeliveryWorker.class);
    private static final int ERROR_LENGTH_MAX = 500;

    private final Deliveries deliveries;
    private final EmailChannel email;
    private final SmsChannel sms;
    private final LetterPrinter letters;
    private final DeliveryMetrics metrics;
    private final NotificationProperties.Delivery settings;
    private final Clock clock;
    private final String owner = "delivery-" + UUID.randomUUID();
    private ScheduledExecutorService executor;

    DeliveryWorker(Deliveries deliveries, EmailChannel email, SmsChannel sms, LetterPrinter letters,
                   DeliveryMetrics metrics, NotificationProperties properties, Clock deliveryClock) {
        this.deliveries = deliveries;
        this.email = email;
        this.sms = sms;
        this.letters = letters;
        this.metrics = metrics;
        this.settings = properties.delivery();
        this.clock = deliveryClock;
    }

    /** Delivers up to one batch of due notices; the number handled. */
    int deliverDue() {
        int handled = 0;
        while (handled < settings.batchSize()) {
            Instant now = clock.instant();
            Optional<String> claimed = deliveries.claim(owner, now, now.plus(settings.lease()));
            if (claimed.isEmpty()) {
                break;
            }
            deliver(claimed.get());
            handled++;
        }
        return handled;
    }

    private void deliver(String noticeId) {
        Delivery delivery = deliveries.find(noticeId).orElse(null);
        if (delivery == null || delivery.status() != DeliveryStatus.PENDING) {
            deliveries.dequeue(noticeId);
            return;
        }
        try {
            send(delivery);
        } catch (Exception e) {
            failedAttempt(delivery, e);
            return;
        }
        if (deliveries.sent(noticeId, clock.instant())) {
            metrics.sent(delivery.type(), delivery.channel());
        }
        deliveries.dequeue(noticeId);
    }

    private void send(Delivery delivery) throws Exception {
        switch (NoticeChannel.valueOf(delivery.channel())) {
            case EMAIL -> email.send(delivery);
            case SMS -> sms.send(delivery);
            case LETTER -> deliveries.storeLetter(delivery.noticeId(), letters.print(delivery.body()),
                    clock.instant());
        }
    }

    private void failedAttempt(Delivery delivery, Exception error) {
        String message = describe(error);
        int attempt = delivery.attempts() + 1;
        if (attempt < settings.attemptsMax()) {
            Instant retryAt = clock.instant().plus(backoff(attempt));
            log.info("notice {} attempt {} by {} failed ({}); retrying at {}", delivery.noticeId(), attempt,
                    delivery.channel(), message, retryAt);
            deliveries.retryLater(delivery.noticeId(), owner, message, retryAt);
            return;
        }
        log.warn("notice {} failed by {} after {} attempts ({}); printing it as a letter", delivery.noticeId(),
                delivery.channel(), attempt, message);
        Instant now = clock.instant();
        deliveries.storeLetter(delivery.noticeId(), letters.print(delivery.letterBody()), now);
        if (deliveries.failed(delivery.noticeId(), message, now)) {
            metrics.failed(delivery.type(), delivery.channel());
            metrics.sent(delivery.type(), NoticeChannel.LETTER.name());
        }
        deliveries.dequeue(delivery.noticeId());
    }

    /** The wait after failed attempt {@code attempt}: backoffInitial doubled per attempt, at most backoffMax. */
    Duration backoff(int attempt) {
        Duration wait = settings.backoffInitial();
        for (int i = 1; i < attempt && wait.compareTo(settings.backoffMax()) < 0; i++) {
            wait = wait.multipliedBy(2);
        }
        return wait.compareTo(settings.backoffMax()) > 0 ? settings.backoffMax() : wait;
    }

    private static String describe(Exception error) {
        String message = error.getClass().getSimpleName() + ": " + error.getMessage();
        return message.length() > ERROR_LENGTH_MAX ? message.substring(0, ERROR_LENGTH_MAX) : message;
    }

    private void poll() {
        try {
            deliverDue();
        } catch (RuntimeException e) {
            // The queue keeps the notice; its lease runs out and the next poll takes it again.
            log.warn("delivery poll failed: {}", e.toString());
        }
    }

    @Override
    public synchronized void start() {
        executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "notice-delivery");
            thread.setDaemon(true);
            return thread;
        });
        long intervalMillis = settings.pollInterval().toMillis();
        executor.scheduleWithFixedDelay(this::poll, intervalMillis, intervalMillis, TimeUnit.MILLISECONDS);
    }

    @Override
    public synchronized void stop() {
        if (executor != null) {
            executor.shutdownNow();
            executor = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return executor != null;
    }
}
