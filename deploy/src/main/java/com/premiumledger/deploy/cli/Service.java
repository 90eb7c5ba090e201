package com.premiumledger.deploy.cli;

/** The services and the ports the local stack gives them. */
enum Service {
    billing(8081), payment(8082), coverage(8083), notification(8084);

    private final int localPort;

    Service(int localPort) {
        this.localPort = localPort;
    }

    String localUrl() {
        return "http://127.0.0.1:" + localPort;
    }
}
