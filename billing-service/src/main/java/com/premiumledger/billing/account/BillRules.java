package com.premiumledger.billing.account;

import com.premiumledger.billing.BillingProperties;
import com.premiumledger.platform.web.RuleViolation;

/**
 * Amount rules of a bill, shared by the HTTP layer (which must refuse before it touches the due index) and
 * the aggregate (which must refuse whoever sends the command).
 */
public final class BillRules {

    private BillRules() {
    }

    public static void checkAmounts(long grossPremiumCents, long subsidyCents, BillingProperties properties) {
        if (grossPremiumCents <= 0 || grossPremiumCents > properties.grossPremiumMaxCents()) {
            throw RuleViolation.invalid("gross-premium", "grossPremiumCents must be between 1 and "
                    + properties.grossPremiumMaxCents() + ", got " + grossPremiumCents);
        }
        if (subsidyCents < 0 || subsidyCents > grossPremiumCents) {
            throw RuleViolation.invalid("subsidy", "subsidyCents must be between 0 and grossPremiumCents ("
                    + grossPremiumCents + "), got " + subsidyCents);
        }
    }
}
