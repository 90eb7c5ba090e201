package com.premiumledger.platform.security;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

class LocalPasswordGuardTest {

    private static LedgerSecurityProperties users(String password) {
        return new LedgerSecurityProperties(List.of(new LedgerSecurityProperties.User("service", password,
                List.of("SERVICE"))));
    }

    @Test
    void thePublishedPasswordsWorkOnlyInTheLocalProfile() {
        MockEnvironment local = new MockEnvironment();
        local.setActiveProfiles("local");
        assertThatCode(() -> LocalPasswordGuard.check(users("{noop}service-local-only"), local))
                .doesNotThrowAnyException();
        assertThatThrownBy(() -> LocalPasswordGuard.check(users("{noop}service-local-only"), new MockEnvironment()))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("published local-only");
    }

    @Test
    void plainTextPasswordsAreRefusedOutsideTheLocalProfile() {
        assertThatThrownBy(() -> LocalPasswordGuard.check(users("{noop}something-else"), new MockEnvironment()))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("plain-text");
        assertThatCode(() -> LocalPasswordGuard.check(
                users("{bcrypt}$2a$10$7EqJtq98hPqEX7fNZaFWoOhi5BWX4Z8/V4JgqYlOL4wQXf3bPpvk6"), new MockEnvironment()))
                .doesNotThrowAnyException();
    }
}
