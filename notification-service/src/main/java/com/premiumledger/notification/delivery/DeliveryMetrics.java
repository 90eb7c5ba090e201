package com.premiumledger.notification.delivery;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Component;

/** {@code ledger.notices.sent} and {@code ledger.notices.failed}, per notice type and channel. */
@Component
class DeliveryMetrics {

    static final String SENT = "ledger.notices.sent";
    static final String FAILED = "ledger.notices.failed";

    private final MeterRegistry meters;

    DeliveryMetrics(MeterRegistry meters) {
        this.meters = meters;
    }

    void sent(String type, String channel) {
        Counter.builder(SENT).description("Notices delivered: handed to the SMTP server or SMS gateway, or printed")
                .tag("type", type).tag("channel", channel).register(meters).increment();
    }

    void failed(String type, String channel) {
        Counter.builder(FAILED).description("Notices whose every delivery attempt failed (a letter went instead)")
                .tag("type", type).tag("channel", channel).register(meters).increment();
    }
}
