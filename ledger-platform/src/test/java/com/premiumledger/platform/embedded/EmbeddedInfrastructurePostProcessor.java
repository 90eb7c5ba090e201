package com.premiumledger.platform.embedded;

import java.util.HashMap;
import java.util.Map;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Points a service at embedded servers when no external address is configured: unset
 * {@code spring.kafka.bootstrap-servers} starts an embedded KRaft broker, unset
 * {@code spring.data.mongodb.uri} an embedded store. Setting both uses real servers with no code change.
 * Also turns Axon's update checker off, since nothing may call out at run time.
 */
public class EmbeddedInfrastructurePostProcessor implements EnvironmentPostProcessor, Ordered {

    static final String ENABLED = "premium.embedded.enabled";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (System.getProperty("axoniq.update-checker.disabled") == null) {
            System.setProperty("axoniq.update-checker.disabled", "true");
        }
        if (!environment.getProperty(ENABLED, Boolean.class, true)) {
            return;
        }
        Map<String, Object> properties = new HashMap<>();
        if (!environment.containsProperty("spring.kafka.bootstrap-servers")) {
            properties.put("spring.kafka.bootstrap-servers", EmbeddedInfrastructure.kafkaBootstrapServers());
        }
        if (!environment.containsProperty("spring.data.mongodb.uri")) {
            properties.put("spring.data.mongodb.uri", EmbeddedInfrastructure.mongoConnectionString());
        }
        if (!properties.isEmpty()) {
            environment.getPropertySources().addLast(new MapPropertySource("premium-embedded-infrastructure", properties));
        }
    }

    @Override
    public int getOrder() {
        // After the config files are read, so that an address set in any of them wins.
        return Ordered.LOWEST_PRECEDENCE;
    }
}
