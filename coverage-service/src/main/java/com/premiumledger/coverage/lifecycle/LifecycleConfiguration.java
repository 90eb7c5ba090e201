package com.premiumledger.coverage.lifecycle;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The coverage table the aggregate is given (Axon injects it into its command handlers). */
@Configuration
class LifecycleConfiguration {

    @Bean
    CoverageTransitions coverageTransitions() {
        return CoverageTransitions.standard();
    }
}
