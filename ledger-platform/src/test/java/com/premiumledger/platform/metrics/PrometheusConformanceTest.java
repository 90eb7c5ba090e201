package com.premiumledger.platform.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class PrometheusConformanceTest {

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

    PrometheusConformanceTest() {
        registry.config().meterFilter(new PrometheusConformance());
    }

    @Test
    void axonMetersGetSnakeCaseNamesAndTagsAndADescription() {
        Counter.builder("commandBus.successCounter").tag("payloadType", "OpenAccountCommand").register(registry)
                .increment();
        Timer.builder("commandBus.allTimer").tag("payloadType", "OpenAccountCommand").register(registry);
        Counter.builder("eventStore.ingestedCounter").register(registry);

        Meter succeeded = registry.find("axon.commands.succeeded").tag("payload_type", "OpenAccountCommand").meter();
        assertThat(succeeded).isNotNull();
        assertThat(succeeded.getId().getDescription()).isEqualTo(
                "Axon command bus: commands handled successfully, by payload type");
        assertThat(registry.find("axon.commands.all.duration").timer()).isNotNull();
        assertThat(registry.find("axon.event.store.ingested").counter()).isNotNull();
        assertThat(registry.getMeters()).extracting(meter -> meter.getId().getName())
                .noneMatch(name -> name.chars().anyMatch(Character::isUpperCase));
        assertThat(registry.getMeters()).flatExtracting(meter -> meter.getId().getTags()).extracting(Tag::getKey)
                .containsOnly("payload_type");
    }

    @Test
    void aGaugeNamedCountIsNamedForWhatItCountsAndACounterKeepsItsName() {
        Gauge.builder("kafka.consumer.connection.count", () -> 3).register(registry);
        Gauge.builder("system.cpu.count", () -> 2).register(registry);
        Counter.builder("ledger.things.count").register(registry);

        assertThat(registry.find("kafka.consumer.connections").gauge()).isNotNull();
        assertThat(registry.find("system.cpus").gauge().value()).isEqualTo(2);
        assertThat(registry.find("ledger.things.count").counter()).isNotNull();
    }

    @Test
    void metersInUnitsThatCannotBeRenamedAndSecurityFilterObservationsAreDropped() {
        AtomicLong nanos = new AtomicLong();
        FunctionCounter.builder("kafka.consumer.io.time.ns.total", nanos, AtomicLong::get).register(registry);
        FunctionCounter.builder("jvm.compilation.time", nanos, AtomicLong::get).baseUnit("ms").register(registry);
        Counter.builder("spring.security.filterchains.logout.before").register(registry);
        Counter.builder("kafka.consumer.io.wait.ratio").register(registry);

        assertThat(registry.getMeters()).extracting(meter -> meter.getId().getName())
                .containsExactly("kafka.consumer.io.wait.ratio");
    }

    @Test
    void anOwnDescriptionIsKeptAndAMissingOneIsFilledIn() {
        Counter.builder("ledger.outbox.published.events").description("events acknowledged").register(registry);
        Counter.builder("http.server.requests").register(registry);
        Counter.builder("some.library.meter").register(registry);

        assertThat(registry.find("ledger.outbox.published.events").counter().getId().getDescription())
                .isEqualTo("events acknowledged");
        assertThat(registry.find("http.server.requests").counter().getId().getDescription())
                .startsWith("HTTP requests served");
        assertThat(registry.find("some.library.meter").counter().getId().getDescription())
                .contains("some.library.meter", "without a description");
    }
}
