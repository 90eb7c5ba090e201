package com.premiumledger.deploy;

import com.premiumledger.platform.embedded.EmbeddedKafkaBroker;
import com.premiumledger.platform.embedded.EmbeddedMongoServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The whole system on one machine: a real KRaft Kafka broker, the MongoDB-compatible store (H2 file, so
 * a restart keeps the data) and the inbox (SMTP server and SMS gateway that keep what notices were sent) in this
 * JVM, and each service as its own process pointed at them. Runs until Ctrl-C, then stops the services before the
 * servers they depend on.
 */
public final class LocalStack {

    private static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(180);

    record Service(String name, int port) {
    }

    static final List<Service> SERVICES = List.of(
            new Service("billing-service", 8081),
            new Service("payment-service", 8082),
            new Service("coverage-service", 8083),
            new Service("notification-service", 8084));

    private LocalStack() {
    }

    public static void main(String[] args) {
        try {
            run(LocalStackSettings.from(System.getenv()));
        } catch (Exception e) {
            // Broker threads are not daemons: without an explicit exit a failed start would hang.
            System.err.println("the local stack failed: " + e);
            System.exit(1);
        }
    }

    private static void run(LocalStackSettings settings) throws Exception {
        Files.createDirectories(settings.dataDirectory().resolve("logs"));
        EmbeddedKafkaBroker kafka = EmbeddedKafkaBroker.start(settings.dataDirectory().resolve("kafka"),
                settings.kafkaPort(), settings.partitions());
        EmbeddedMongoServer mongo = EmbeddedMongoServer.start(settings.dataDirectory().resolve("mongo/premium-ledger.h2"),
                settings.mongoPort());
        LocalInbox inbox;
        try {
            inbox = LocalInbox.start(settings.smtpPort(), settings.inboxPort(), LocalInbox.Limits.DEFAULT);
        } catch (IOException e) {
            mongo.close();
            kafka.close();
            throw e;
        }
        List<Process> processes = new ArrayList<>();
        Thread stop = new Thread(() -> stopAll(processes, inbox, mongo, kafka), "local-stack-stop");
        Runtime.getRuntime().addShutdownHook(stop);
        try {
            for (Service service : SERVICES) {
                processes.add(launch(service, settings, kafka.bootstrapServers(), mongo.connectionString(), inbox));
            }
            for (int i = 0; i < SERVICES.size(); i++) {
                awaitHealthy(SERVICES.get(i), processes.get(i), settings);
            }
        } catch (Exception e) {
            Runtime.getRuntime().removeShutdownHook(stop);
            stopAll(processes, inbox, mongo, kafka);
            throw e;
        }
        printSummary(settings, kafka, mongo, inbox);
        for (int i = 0; i < processes.size(); i++) {
            int exit = processes.get(i).waitFor();
            System.out.println(SERVICES.get(i).name() + " exited with code " + exit + "; see "
                    + settings.dataDirectory().resolve("logs"));
        }
    }

    private static Process launch(Service service, LocalStackSettings settings, String kafka, String mongo,
                                  LocalInbox inbox) throws IOException {
        return ServiceProcesses.launch(settings.projectDirectory(), settings.version(), service.name(), service.port(),
                settings.serviceHeapMegabytes(), kafka, mongo, extraArguments(service, inbox), log(service, settings));
    }

    /** notification-service sends its email and SMS to the inbox. */
    private static List<String> extraArguments(Service service, LocalInbox inbox) {
        return "notification-service".equals(service.name()) ? inbox.notificationServiceArguments() : List.of();
    }

    private static Path log(Service service, LocalStackSettings settings) {
        return settings.dataDirectory().resolve("logs").resolve(service.name() + ".log");
    }

    private static void awaitHealthy(Service service, Process process, LocalStackSettings settings)
            throws InterruptedException {
        ServiceProcesses.awaitHealthy(service.name(), service.port(), process, STARTUP_TIMEOUT, log(service, settings));
        System.out.println("  " + service.name() + " is up on http://127.0.0.1:" + service.port());
    }

    private static void printSummary(LocalStackSettings settings, EmbeddedKafkaBroker kafka, EmbeddedMongoServer mongo,
                                     LocalInbox inbox) {
        System.out.println();
        System.out.println("premium ledger is running (Ctrl-C stops everything):");
        System.out.println("  Kafka (KRaft)         " + kafka.bootstrapServers());
        System.out.println("  MongoDB-compatible    " + mongo.connectionString() + "  (H2 file under "
                + settings.dataDirectory().resolve("mongo") + ")");
        for (Service service : SERVICES) {
            System.out.printf("  %-21s http://127.0.0.1:%d  (OpenAPI: /v3/api-docs)%n", service.name(), service.port());
        }
        System.out.println("  inbox: SMTP           127.0.0.1:" + inbox.smtpPort() + "  (notification-service's email)");
        System.out.println("  inbox: SMS gateway    " + inbox.smsGatewayUrl() + "  (POST, JSON {to, body})");
        System.out.println("  inbox: what was sent  " + inbox.url() + "/mail?to=  " + inbox.url() + "/sms?to=");
        System.out.println("  logs                  " + settings.dataDirectory().resolve("logs"));
        System.out.println("  users (local only)    service/service-local-only  operator/operator-local-only"
                + "  auditor/auditor-local-only");
    }

    private static void stopAll(List<Process> processes, LocalInbox inbox, EmbeddedMongoServer mongo,
                                EmbeddedKafkaBroker kafka) {
        ServiceProcesses.stopAll(processes);
        inbox.close();
        mongo.close();
        kafka.close();
        System.out.println("premium ledger stopped");
    }
}
