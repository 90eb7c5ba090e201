package com.premiumledger.notification;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.EnableConfigurationProperties;

@SpringBootApplication
@EnableConfigurationProperties(NotificationProperties.class)
public class NotificationServiceApplication {

    public static final String NAME = "notification-service";

    /**
     * Config comes from premium-platform.yml then notification-service.yml (+ -<profile> variants); unique
     * names let all services share one JVM in the end-to-end test.
     */
    public static SpringApplicationBuilder builder() {
        return new SpringApplicationBuilder(NotificationServiceApplication.class)
                .properties("spring.config.name=premium-platform," + NAME, "spring.application.name=" + NAME);
    }

    public static void main(String[] args) {
        builder().run(args);
    }
}
