package com.premiumledger.billing;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.EnableConfigurationProperties;

@SpringBootApplication
@EnableConfigurationProperties(BillingProperties.class)
public class BillingServiceApplication {

    public static final String NAME = "billing-service";

    /**
     * Config comes from premium-platform.yml then billing-service.yml (+ -<profile> variants); unique names
     * let all services share one JVM in the end-to-end test.
     */
    public static SpringApplicationBuilder builder() {
        return new SpringApplicationBuilder(BillingServiceApplication.class)
                .properties("spring.config.name=premium-platform," + NAME, "spring.application.name=" + NAME);
    }

    public static void main(String[] args) {
        builder().run(args);
    }
}
