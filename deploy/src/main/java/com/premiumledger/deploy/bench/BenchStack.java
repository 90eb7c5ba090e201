package com.premiumledger.deploy.bench;

import com.premiumledger.deploy.LocalInbox;
import com.premiumledger.deploy.ServiceProcesses;
import com.premiumledger.platform.embedded.EmbeddedKafkaBroker;
import com.premiumledger.platform.embedded.EmbeddedMongoServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The benchmark's own system: an embedded KRaft broker (fresh temporary log), the in-memory store and an inbox
 * (SMTP server and SMS gateway, as the local stack has; notification-service is not healthy without its SMTP
 * server) in this JVM, the four services as separate processes, everything on free ports so that a running local
 * stack is not disturbed.
 */
final class BenchStack implements AutoCloseable {

    static final List<String> SERVICES = List.of("billing-service", "payment-service", "coverage-service",
            "notification-service");
    private static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(240);

    private final BenchmarkOptions options;
    private final Path kafkaDirectory;
    private final EmbeddedKafkaBroker kafka;
    private final EmbeddedMongoServer mongo;
    private final LocalInbox inbox;
    private final Map<String, Process> processes = new LinkedHashMap<>();
    private final Map<String, Integer> ports = new LinkedHashMap<>();

    private BenchStack(BenchmarkOptions options, Path kafkaDirectory, EmbeddedKafkaBroker kafka,
                       EmbeddedMongoServer mongo, LocalInbox inbox) {
        this.options = options;
        this.kafkaDirectory = kafkaDirectory;
        this.kafka = kafka;
        this.mongo = mongo;
        this.inbox = inbox;
    }

    static BenchStack start(BenchmarkOptions options) throws Exception {
        Path kafkaDirectory = Files.createTempDirectory("premium-bench-kafka-");
        EmbeddedKafkaBroker kafka = EmbeddedKafkaBroker.start(kafkaDirectory, 0, options.partitions());
        EmbeddedMongoServer mongo;
        try {
            // Memory backend: the targets are stated for the embedded in-memory store.
            mongo = EmbeddedMongoServer.start(null, 0);
        } catch (RuntimeException e) {
            kafka.close();
            throw e;
        }
        LocalInbox inbox;
        try {
            inbox = LocalInbox.start(0, 0, LocalInbox.Limits.DEFAULT);
        } catch (IOException | RuntimeException e) {
            mongo.close();
            kafka.close();
            throw e;
        }
        BenchStack stack = new BenchStack(options, kafkaDirectory, kafka, mongo, inbox);
        try {
            for (String service : SERVICES) {
                stack.launch(service, service, service.equals("notification-service")
                        ? inbox.notificationServiceArguments() : List.of());
            }
            for (String service : SERVICES) {
                stack.awaitHealthy(service);
            }
        } catch (Exception e) {
            stack.close();
            throw e;
        }
        return stack;
    }

    /** Launches one more process of {@code service} under {@code name}; {@code extra} Spring arguments win. */
    void launch(String name, String service, List<String> extra) throws IOException {
        int port = freePort();
        List<String> arguments = new ArrayList<>(List.of("--premium.consumer.partitions=" + options.partitions()));
        arguments.addAll(extra);
        processes.put(name, ServiceProcesses.launch(options.projectDirectory(), options.version(), service, port,
                options.heapMegabytes(), kafka.bootstrapServers(), mongo.connectionString(), arguments, log(name)));
        ports.put(name, port);
    }

    void awaitHealthy(String name) throws InterruptedException {
        ServiceProcesses.awaitHealthy(name, ports.get(name), processes.get(name), STARTUP_TIMEOUT, log(name));
    }

    void stop(String name) {
        Process process = processes.remove(name);
        ports.remove(name);
        if (process != null) {
            ServiceProcesses.stopAll(List.of(process));
        }
    }

    Path log(String name) {
        return options.output().resolve("logs").resolve(name + ".log");
    }

    String url(String name) {
        return "http://127.0.0.1:" + ports.get(name);
    }

    long pid(String name) {
        return processes.get(name).pid();
    }

    boolean alive(String name) {
        return processes.containsKey(name) && processes.get(name).isAlive();
    }

    String kafkaBootstrapServers() {
        return kafka.bootstrapServers();
    }

    String mongoUri() {
        return mongo.connectionString();
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 0, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        ServiceProcesses.stopAll(new ArrayList<>(processes.values()));
        processes.clear();
        inbox.close();
        mongo.close();
        kafka.close();
        deleteQuietly(kafkaDirectory);
    }

    private static void deleteQuietly(Path directory) {
        try (var paths = Files.walk(directory)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException ignored) {
            // A temporary directory left behind is harmless.
        }
    }
}
