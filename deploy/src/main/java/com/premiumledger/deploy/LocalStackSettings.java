package com.premiumledger.deploy;

import java.nio.file.Path;
import java.util.Map;

/**
 * Where the local stack keeps its data and which ports it takes; every value can be overridden by an
 * environment variable (PREMIUM_DATA_DIR, PREMIUM_KAFKA_PORT, PREMIUM_MONGO_PORT, PREMIUM_PARTITIONS,
 * PREMIUM_SERVICE_HEAP_MB, PREMIUM_PROJECT_DIR, PREMIUM_SMTP_PORT and PREMIUM_INBOX_PORT for the inbox's SMTP
 * server and its HTTP side, the SMS gateway and mail/SMS listing).
 */
record LocalStackSettings(Path projectDirectory, Path dataDirectory, int kafkaPort, int mongoPort, int partitions,
                          int serviceHeapMegabytes, String version, int smtpPort, int inboxPort) {

    static LocalStackSettings from(Map<String, String> environment) {
        Path project = Path.of(environment.getOrDefault("PREMIUM_PROJECT_DIR", ".")).toAbsolutePath().normalize();
        return new LocalStackSettings(
                project,
                Path.of(environment.getOrDefault("PREMIUM_DATA_DIR", project.resolve("deploy/data").toString())),
                Integer.parseInt(environment.getOrDefault("PREMIUM_KAFKA_PORT", "9092")),
                Integer.parseInt(environment.getOrDefault("PREMIUM_MONGO_PORT", "27017")),
                Integer.parseInt(environment.getOrDefault("PREMIUM_PARTITIONS", "4")),
                Integer.parseInt(environment.getOrDefault("PREMIUM_SERVICE_HEAP_MB", "384")),
                environment.getOrDefault("PREMIUM_VERSION", "0.1.0-SNAPSHOT"),
                Integer.parseInt(environment.getOrDefault("PREMIUM_SMTP_PORT", "1025")),
                Integer.parseInt(environment.getOrDefault("PREMIUM_INBOX_PORT", "8025")));
    }
}
