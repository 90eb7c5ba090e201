package com.premiumledger.coverage.lifecycle;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The coverage table (Axon injects it into the aggregate's command handlers) and the decider built on it. */
@Configuration
@EnableConfigurationProperties(CoverageRulesProperties.class)
class LifecycleConfiguration {

    @Bean
    CoverageTransitions coverageTransitions() {
        return CoverageTransitions.standard();
    }

    @Bean
    CoverageDecider coverageDecider(CoverageTransitions transitions, CoverageRulesProperties rules) {
        return new CoverageDecider(transitions, rules);
    }
}
