package com.premiumledger.coverage;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/**
 * The one Spring context every integration test shares (identical configuration, so it starts once). Adds an
 * "outsider" user whose role may read nothing, to prove 403; the other three are the local users. Metrics
 * export is on (tests switch it off unless asked), so /actuator/prometheus can be checked too.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.config.name=premium-platform,coverage-service",
        "premium.security.users[0].username=service",
        "premium.security.users[0].password={noop}service-local-only",
        "premium.security.users[0].roles=SERVICE",
        "premium.security.users[1].username=operator",
        "premium.security.users[1].password={noop}operator-local-only",
        "premium.security.users[1].roles=OPERATOR",
        "premium.security.users[2].username=auditor",
        "premium.security.users[2].password={noop}auditor-local-only",
        "premium.security.users[2].roles=AUDITOR",
        "premium.security.users[3].username=outsider",
        "premium.security.users[3].password={noop}outsider-test-only",
        "premium.security.users[3].roles=MONITOR"})
@ActiveProfiles("local")
@AutoConfigureObservability(tracing = false)
public @interface CoverageServiceTest {
}
