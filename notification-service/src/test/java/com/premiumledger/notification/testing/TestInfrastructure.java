package com.premiumledger.notification.testing;

import java.util.Map;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/**
 * Points the service at the test SMTP server and SMS gateway, with short delivery retries so a failing channel
 * reaches FAILED within a test.
 */
public class TestInfrastructure implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("notification-test-servers",
                Map.of("spring.mail.host", "127.0.0.1",
                        "spring.mail.port", Integer.toString(TestSmtp.port()),
                        "spring.mail.properties.mail.smtp.connectiontimeout", "2000",
                        "spring.mail.properties.mail.smtp.timeout", "2000",
                        "premium.notification.sms.gateway-url", TestSmsGateway.url(),
                        "premium.notification.delivery.attempts-max", "3",
                        "premium.notification.delivery.backoff-initial", "200ms",
                        "premium.notification.delivery.backoff-max", "1s",
                        "premium.notification.delivery.poll-interval", "100ms")));
    }
}
