package com.premiumledger.platform.metrics;

import com.premiumledger.platform.consumer.EventConsumers;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.config.MeterFilter;
import org.apache.kafka.clients.admin.Admin;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.kafka.KafkaAutoConfiguration;
import org.springframework.boot.autoconfigure.kafka.KafkaProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/**
 * Metrics every service shares on {@code /actuator/prometheus}: names and descriptions that pass
 * {@code promtool check metrics}, and consumer lag per group, topic and partition.
 */
@AutoConfiguration(after = KafkaAutoConfiguration.class)
@EnableConfigurationProperties(MetricsProperties.class)
public class LedgerMetricsAutoConfiguration {

    @Bean
    MeterFilter prometheusConformance() {
        return new PrometheusConformance();
    }

    @Bean
    ConsumerLagMeter consumerLagMeter(KafkaProperties kafka, ObjectProvider<EventConsumers> consumers,
            MetricsProperties properties, MeterRegistry meters) {
        Admin admin = Admin.create(kafka.buildAdminProperties(null));
        return new ConsumerLagMeter(admin, () -> consumers.getObject().liveGroups(), properties, meters);
    }
}
