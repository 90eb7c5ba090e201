package com.premiumledger.platform.rebuild;

import com.premiumledger.platform.LedgerPlatformAutoConfiguration;
import com.premiumledger.platform.consumer.EventConsumers;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import org.apache.kafka.clients.admin.Admin;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.kafka.KafkaProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/** Projection rebuilds: the coordinator and its endpoints. */
@AutoConfiguration(after = LedgerPlatformAutoConfiguration.class)
@EnableConfigurationProperties(RebuildProperties.class)
public class RebuildAutoConfiguration {

    @Bean
    ProjectionRebuilds projectionRebuilds(ObjectProvider<RebuildableProjection> projections, ProjectionStore store,
            EventConsumers consumers, KafkaProperties kafka, RebuildProperties properties,
            MeterRegistry meters) {
        return new ProjectionRebuilds(projections.orderedStream().toList(), store, consumers,
                Admin.create(kafka.buildAdminProperties(null)), properties, meters, Clock.systemUTC());
    }

    @Bean
    ProjectionsController projectionsController(ProjectionRebuilds rebuilds) {
        return new ProjectionsController(rebuilds);
    }
}
