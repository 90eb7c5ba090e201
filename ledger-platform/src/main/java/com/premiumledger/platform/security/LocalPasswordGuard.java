package com.premiumledger.platform.security;

import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.springframework.core.env.Environment;

/**
 * Refuses to start a service outside the {@code local} profile while any user still has one of the
 * passwords the README publishes for the local stack.
 */
final class LocalPasswordGuard {

    static final Set<String> PUBLISHED_LOCAL_PASSWORDS = Set.of(
            "{noop}service-local-only", "{noop}operator-local-only", "{noop}auditor-local-only");
    static final String LOCAL_PROFILE = "local";

    private LocalPasswordGuard() {
    }

    static void check(LedgerSecurityProperties properties, Environment environment) {
        List<String> profiles = Arrays.asList(environment.getActiveProfiles());
        if (profiles.contains(LOCAL_PROFILE)) {
            return;
        }
        for (LedgerSecurityProperties.User user : properties.users()) {
            if (PUBLISHED_LOCAL_PASSWORDS.contains(user.password())) {
                throw new IllegalStateException("user '" + user.username() + "' has the published local-only"
                        + " password, and the 'local' profile is not active: set premium.security.users with real"
                        + " credentials before running outside the local stack");
            }
            if (user.password().startsWith("{noop}")) {
                throw new IllegalStateException("user '" + user.username() + "' has a plain-text password;"
                        + " outside the 'local' profile passwords must be encoded, e.g. {bcrypt}...");
            }
        }
    }
}
