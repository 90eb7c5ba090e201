package com.premiumledger.billing.metrics;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/** Amount meters on their own registry, for tests of the projection that feeds them. */
public final class AmountMetersProbe {

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final AmountMeters meters = new AmountMeters(registry);

    public AmountMeters meters() {
        return meters;
    }

    public double billedCents() {
        return registry.find(AmountMeters.BILLED).counter().count();
    }

    public double paidCents() {
        return registry.find(AmountMeters.PAID).counter().count();
    }
}
