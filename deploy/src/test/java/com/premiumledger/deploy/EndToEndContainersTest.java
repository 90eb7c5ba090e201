package com.premiumledger.deploy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.testcontainers.containers.MongoDBContainer;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.kafka.KafkaContainer;

/** The same flow against a real Kafka broker and a real MongoDB replica set; skipped where Docker is missing. */
@Testcontainers(disabledWithoutDocker = true)
class EndToEndContainersTest {

    @Container
    static final KafkaContainer KAFKA = new KafkaContainer("apache/kafka:3.9.1");

    @Container
    static final MongoDBContainer MONGO = new MongoDBContainer("mongo:7.0");

    @Test
    void billsAndPaymentsFlowIntoBalancesCoverageAndNoticesOnRealServers() {
        Map<String, String> infrastructure = Map.of(
                "spring.kafka.bootstrap-servers", KAFKA.getBootstrapServers(),
                "spring.data.mongodb.uri", MONGO.getReplicaSetUrl("premium"),
                "premium.embedded.enabled", "false");
        try (RunningSystem system = RunningSystem.start(infrastructure)) {
            new EndToEndScenario(system).run();
        }
    }
}
