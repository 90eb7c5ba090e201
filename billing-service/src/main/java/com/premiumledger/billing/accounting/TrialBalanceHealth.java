package com.premiumledger.billing.accounting;

import com.premiumledger.billing.BillingProperties;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * "trialBalance" is DOWN when the books do not net to zero: a posting was lost, doubled or mis-built. The
 * last result is reused for {@code premium.billing.trial-balance-health-interval}, so frequent probes do not
 * each read every posting stream.
 */
// Boot names a health contributor after its bean name less "HealthIndicator": this one is "trialBalance".
@Component("trialBalanceHealthIndicator")
class TrialBalanceHealth implements HealthIndicator {

    private record Checked(Health health, Instant at) {
    }

    private final TrialBalance trialBalance;
    private final Duration interval;
    private final Clock clock = Clock.systemUTC();
    private volatile Checked last;

    TrialBalanceHealth(TrialBalance trialBalance, BillingProperties properties) {
        this.trialBalance = trialBalance;
        this.interval = properties.trialBalanceHealthInterval();
    }

    @Override
    public Health health() {
        Checked checked = last;
        Instant now = clock.instant();
        if (checked == null || !now.isBefore(checked.at().plus(interval))) {
            checked = new Checked(check(), now);
            last = checked;
        }
        return checked.health();
    }

    private Health check() {
        TrialBalance.Result result = trialBalance.compute(null);
        Health.Builder builder = result.balanced() ? Health.up() : Health.down();
        return builder.withDetail("debitCents", result.debitCents()).withDetail("creditCents", result.creditCents())
                .withDetail("netCents", result.netCents()).withDetail("streams", result.streams()).build();
    }
}
