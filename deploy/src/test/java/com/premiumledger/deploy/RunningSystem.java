package com.premiumledger.deploy;

import com.premiumledger.billing.BillingServiceApplication;
import com.premiumledger.coverage.CoverageServiceApplication;
import com.premiumledger.notification.NotificationServiceApplication;
import com.premiumledger.payment.PaymentServiceApplication;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * All four services started in this JVM, each with its own Spring context and config, on random ports,
 * against the same broker and store: embedded ones when {@code infrastructure} is empty (the platform
 * starts them once per JVM), or the given addresses.
 */
final class RunningSystem implements AutoCloseable {

    private final List<ConfigurableApplicationContext> contexts = new ArrayList<>();

    private RunningSystem() {
    }

    static RunningSystem start(Map<String, String> infrastructure) {
        RunningSystem system = new RunningSystem();
        List<SpringApplicationBuilder> builders = List.of(
                BillingServiceApplication.builder(),
                PaymentServiceApplication.builder(),
                CoverageServiceApplication.builder(),
                NotificationServiceApplication.builder());
        try {
            for (SpringApplicationBuilder builder : builders) {
                List<String> args = new ArrayList<>();
                args.add("--server.port=0");
                infrastructure.forEach((key, value) -> args.add("--" + key + "=" + value));
                system.contexts.add(builder.profiles("local").run(args.toArray(String[]::new)));
            }
        } catch (RuntimeException e) {
            system.close();
            throw e;
        }
        return system;
    }

    String billing() {
        return url(0);
    }

    String payment() {
        return url(1);
    }

    String coverage() {
        return url(2);
    }

    String notification() {
        return url(3);
    }

    String kafkaBootstrapServers() {
        return contexts.get(0).getEnvironment().getProperty("spring.kafka.bootstrap-servers");
    }

    private String url(int index) {
        return "http://127.0.0.1:" + contexts.get(index).getEnvironment().getProperty("local.server.port");
    }

    @Override
    public void close() {
        for (int i = contexts.size() - 1; i >= 0; i--) {
            contexts.get(i).close();
        }
        contexts.clear();
    }
}
