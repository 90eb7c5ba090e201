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

    static final int BILLING = 0;
    static final int PAYMENT = 1;
    static final int COVERAGE = 2;
    static final int NOTIFICATION = 3;

    private final List<ConfigurableApplicationContext> contexts = new ArrayList<>();
    private final List<ConfigurableApplicationContext> replays = new ArrayList<>();
    private final Map<String, String> infrastructure;

    private RunningSystem(Map<String, String> infrastructure) {
        this.infrastructure = infrastructure;
    }

    static RunningSystem start(Map<String, String> infrastructure) {
        RunningSystem system = new RunningSystem(infrastructure);
        try {
            for (int index = BILLING; index <= NOTIFICATION; index++) {
                system.contexts.add(system.startService(index, 0));
            }
        } catch (RuntimeException e) {
            system.close();
            throw e;
        }
        return system;
    }

    private ConfigurableApplicationContext startService(int index, int port) {
        return startService(index, port, List.of());
    }

    private ConfigurableApplicationContext startService(int index, int port, List<String> extraArgs) {
        SpringApplicationBuilder builder = switch (index) {
            case BILLING -> BillingServiceApplication.builder();
            case PAYMENT -> PaymentServiceApplication.builder();
            case COVERAGE -> CoverageServiceApplication.builder();
            case NOTIFICATION -> NotificationServiceApplication.builder();
            default -> throw new IllegalArgumentException("no service " + index);
        };
        List<String> args = new ArrayList<>();
        args.add("--server.port=" + port);
        infrastructure.forEach((key, value) -> args.add("--" + key + "=" + value));
        args.addAll(extraArgs);
        return builder.profiles("local").run(args.toArray(String[]::new));
    }

    /**
     * Starts a replay copy of service {@code index} beside it: application {@code <name>-replay} (so its consumer
     * groups are new and read every topic from offset zero), its own {@code database}, and only its rebuildable
     * projections ({@code premium.consumer.replay-only}); closed with the system.
     */
    ConfigurableApplicationContext startReplay(int index, String database) {
        String name = contexts.get(index).getEnvironment().getProperty("spring.application.name") + "-replay";
        ConfigurableApplicationContext replay = startService(index, 0, List.of("--spring.application.name=" + name,
                "--spring.data.mongodb.database=" + database, "--premium.consumer.replay-only=true"));
        replays.add(replay);
        return replay;
    }

    /** The running context of service {@code index}, to look at its beans. */
    ConfigurableApplicationContext context(int index) {
        return contexts.get(index);
    }

    /** Stops one service; its state lives only in the store and the topics. */
    void stop(int index) {
        contexts.get(index).close();
    }

    /** Starts a stopped service again on the port it had. */
    void restart(int index) {
        int port = Integer.parseInt(contexts.get(index).getEnvironment().getProperty("local.server.port"));
        contexts.set(index, startService(index, port));
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
        replays.forEach(ConfigurableApplicationContext::close);
        replays.clear();
        for (int i = contexts.size() - 1; i >= 0; i--) {
            if (contexts.get(i).isActive()) {
                contexts.get(i).close();
            }
        }
        contexts.clear();
    }
}
