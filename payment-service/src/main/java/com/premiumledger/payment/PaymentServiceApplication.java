package com.premiumledger.payment;

import java.time.Clock;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

@SpringBootApplication
@EnableConfigurationProperties(PaymentProperties.class)
public class PaymentServiceApplication {

    public static final String NAME = "payment-service";

    /**
     * Config comes from premium-platform.yml then payment-service.yml (+ -<profile> variants); unique names
     * let all services share one JVM in the end-to-end test.
     */
    public static SpringApplicationBuilder builder() {
        return new SpringApplicationBuilder(PaymentServiceApplication.class)
                .properties("spring.config.name=premium-platform," + NAME, "spring.application.name=" + NAME);
    }

    public static void main(String[] args) {
        builder().run(args);
    }

    /** Only the fallback before the first DayClosed reads the wall clock; tests may replace it. */
    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.systemUTC();
    }
}
