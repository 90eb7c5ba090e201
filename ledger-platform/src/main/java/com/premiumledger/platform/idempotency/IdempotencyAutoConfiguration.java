package com.premiumledger.platform.idempotency;

import com.mongodb.client.MongoDatabase;
import com.premiumledger.platform.LedgerPlatformAutoConfiguration;
import java.time.Clock;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/** Idempotency-Key handling for the services' money-moving POSTs, kept in each service's own database. */
@AutoConfiguration(after = LedgerPlatformAutoConfiguration.class)
@EnableConfigurationProperties(IdempotencyProperties.class)
public class IdempotencyAutoConfiguration {

    @Bean
    IdempotentRequests idempotentRequests(MongoDatabase database, IdempotencyProperties properties,
                                          ObjectProvider<Clock> clock) {
        return new IdempotentRequests(new IdempotencyKeys(database, properties.bareKeyScopes()), properties,
                clock.getIfAvailable(Clock::systemUTC));
    }
}
