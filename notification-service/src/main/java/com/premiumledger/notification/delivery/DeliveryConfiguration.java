package com.premiumledger.notification.delivery;

import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration
class DeliveryConfiguration {

    /** Only delivery timing (retries, leases) reads a clock; what notices say never does. */
    @Bean
    Clock deliveryClock() {
        return Clock.systemUTC();
    }
}
