package com.premiumledger.platform.history;

import com.premiumledger.platform.LedgerPlatformAutoConfiguration;
import com.premiumledger.platform.eventstore.MongoEventStorageEngine;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/** Reading one aggregate's stored events as of an instant, for the services' history endpoints. */
@AutoConfiguration(after = LedgerPlatformAutoConfiguration.class)
@EnableConfigurationProperties(HistoryProperties.class)
public class HistoryAutoConfiguration {

    @Bean
    AggregateHistory aggregateHistory(MongoEventStorageEngine storage, HistoryProperties properties) {
        return new AggregateHistory(storage, properties);
    }
}
