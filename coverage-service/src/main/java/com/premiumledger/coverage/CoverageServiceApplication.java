package com.premiumledger.coverage;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.EnableConfigurationProperties;

@SpringBootApplication
@EnableConfigurationProperties(CoverageProperties.class)
public class CoverageServiceApplication {

    public static final String NAME = "coverage-service";

    /**
     * Config comes from premium-platform.yml then coverage-service.yml (+ -<profile> variants); unique names
     * let all services share one JVM in the end-to-end test.
     */
    public static SpringApplicationBuilder builder() {
        return new SpringApplicationBuilder(CoverageServiceApplication.class)
                .properties("spring.config.name=premium-platform," + NAME, "spring.application.name=" + NAME);
    }

    public static void main(String[] args) {
        builder().run(args);
    }
}
