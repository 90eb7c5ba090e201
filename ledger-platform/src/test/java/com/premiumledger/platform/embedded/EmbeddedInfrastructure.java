package com.premiumledger.platform.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One embedded broker and one embedded store per JVM, started on first need and stopped when the JVM
 * exits. Several Spring contexts in one JVM (the end-to-end tests) therefore share them, as separate
 * service processes share the external servers.
 */
public final class EmbeddedInfrastructure {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedInfrastructure.class);

    private static EmbeddedKafkaBroker kafka;
    private static EmbeddedMongoServer mongo;

    private EmbeddedInfrastructure() {
    }

    public static synchronized String kafkaBootstrapServers() {
        if (kafka == null) {
            Path directory = temporaryDirectory("premium-kafka-");
            kafka = EmbeddedKafkaBroker.start(directory, 0, 4);
            log.info("embedded Kafka broker (KRaft) listening on {} with data in {}", kafka.bootstrapServers(), directory);
            Runtime.getRuntime().addShutdownHook(new Thread(kafka::close, "embedded-kafka-stop"));
        }
        return kafka.bootstrapServers();
    }

    public static synchronized String mongoConnectionString() {
        if (mongo == null) {
            mongo = EmbeddedMongoServer.start(null, 0);
            log.info("embedded MongoDB-compatible server (memory) listening on {}", mongo.connectionString());
            Runtime.getRuntime().addShutdownHook(new Thread(mongo::close, "embedded-mongo-stop"));
        }
        return mongo.connectionString();
    }

    private static Path temporaryDirectory(String prefix) {
        try {
            Path directory = Files.createTempDirectory(prefix);
            directory.toFile().deleteOnExit();
            return directory;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
