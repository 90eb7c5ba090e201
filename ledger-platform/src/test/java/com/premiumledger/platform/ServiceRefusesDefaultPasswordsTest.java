package com.premiumledger.platform;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.premiumledger.platform.testapp.TestLedgerApplication;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;

/**
 * Outside the local profile a service does not start with the README's passwords, or with no users; and no service
 * starts without the addresses of its broker and store.
 */
class ServiceRefusesDefaultPasswordsTest {

    private static SpringApplicationBuilder app() {
        return new SpringApplicationBuilder(TestLedgerApplication.class).properties(
                "spring.config.name=premium-platform,test-ledger",
                "spring.application.name=test-ledger",
                "spring.data.mongodb.database=platform-guard-test",
                "premium.outbox.topic=premium.billing.v1",
                "premium.outbox.source=/premium-ledger/test",
                "server.port=0");
    }

    @Test
    void thePublishedLocalPasswordsOutsideTheLocalProfileStopTheStart() {
        assertThatThrownBy(() -> app().properties(
                        "premium.security.users[0].username=service",
                        "premium.security.users[0].password={noop}service-local-only",
                        "premium.security.users[0].roles[0]=SERVICE")
                .run().close())
                .hasStackTraceContaining("published local-only password");
    }

    @Test
    void withoutTheAddressesOfABrokerAndAStoreAServiceDoesNotStart() {
        assertThatThrownBy(() -> app().properties("premium.embedded.enabled=false", "spring.profiles.active=local")
                .run().close())
                .hasStackTraceContaining("no address configured for [spring.kafka.bootstrap-servers,"
                        + " spring.data.mongodb.uri]");
    }

    @Test
    void noUsersAtAllStopTheStart() {
        assertThatThrownBy(() -> app().run().close()).hasStackTraceContaining("premium.security");
    }
}
