package com.premiumledger.notification.delivery;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Component;

import com.premiumledger.notification.notice.NoticeChannel;
import com.premiumledger.notification.notice.NoticeType;

/** {@code ledger.notices.sent} and {@code ledger.notices.failed}, per notice type and channel. */
@Component
class DeliveryMetrics {

    static final String SENT = "ledger.notices.sent";
    static final String FAILED = "ledger.notices.failed";

    private final MeterRegistry meters;

    DeliveryMetrics(MeterRegistry meters) {
        this.meters = meters;
        // Every series exists from the start at zero, so dashboards and rate() see a first sample before the first notice.
        for (NoticeType type : NoticeType.values()) {
            for (NoticeChannel channel : NoticeChannel.values()) {
                sentCounter(type.name(), channel.name());
                failedCounter(type.name(), channel.name());
            }
        }
    }

    void sent(String type, String channel) {
        sentCounter(type, channel).increment();
    }

    void failed(String type, String channel) {
        failedCounter(type, channel).increment();
    }

    private Counter sentCounter(String type, String channel) {
        return Counter.builder(SENT).description("Notices delivered: handed to the SMTP server or SMS gateway, or printed")
                .tag("type", type).tag("channel", channel).register(meters);
    }

    private Counter failedCounter(String type, String channel) {
        return Counter.builder(FAILED).description("Notices whose every delivery attempt failed (a letter went instead)")
                .tag("type", type).tag("channel", channel).register(meters);
    }
}
