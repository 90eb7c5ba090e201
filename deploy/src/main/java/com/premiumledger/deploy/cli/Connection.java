package com.premiumledger.deploy.cli;

import java.time.Duration;
import picocli.CommandLine.Option;

/** Where a command sends its requests and as whom; the defaults reach the local stack as its operator. */
final class Connection {

    static final String PASSWORD_ENV = "PREMIUM_OPS_PASSWORD";

    @Option(names = "--url", description = "Base URL of the service (default: the local stack's port of the"
            + " service the command talks to, e.g. http://127.0.0.1:8081 for billing)")
    String url;

    @Option(names = "--user", defaultValue = "operator", description = "HTTP Basic user (default: ${DEFAULT-VALUE})")
    String user;

    @Option(names = "--password", description = "HTTP Basic password (default: $" + PASSWORD_ENV + ", else the"
            + " local stack's password of the user)", arity = "0..1", interactive = true)
    char[] password;

    @Option(names = "--timeout", defaultValue = "PT60S", description = "How long to wait for an answer, ISO-8601"
            + " (default: ${DEFAULT-VALUE})")
    Duration timeout;

    OpsClient client(Service service) {
        String base = url != null ? url : service.localUrl();
        return new OpsClient(base, user, password(), timeout);
    }

    private String password() {
        if (password != null && password.length > 0) {
            return new String(password);
        }
        String fromEnvironment = System.getenv(PASSWORD_ENV);
        if (fromEnvironment != null && !fromEnvironment.isEmpty()) {
            return fromEnvironment;
        }
        // The local stack's published passwords (README); a real deployment refuses them.
        return user + "-local-only";
    }
}
