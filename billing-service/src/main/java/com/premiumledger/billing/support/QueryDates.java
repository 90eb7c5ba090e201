package com.premiumledger.billing.support;

import com.premiumledger.billing.BillingProperties;
import com.premiumledger.platform.web.ApiProblem;
import java.time.LocalDate;
import org.springframework.stereotype.Component;

/** The window of dates a query may name; outside it is a typo or a probe, answered with 400. */
@Component
public class QueryDates {

    private final LocalDate min;
    private final LocalDate max;

    QueryDates(BillingProperties properties) {
        this.min = properties.queryDateMin();
        this.max = properties.queryDateMax();
    }

    public void check(String name, LocalDate date) {
        if (date.isBefore(min) || date.isAfter(max)) {
            throw ApiProblem.badRequest("date-out-of-range", name + " must be between " + min + " and " + max
                    + ", got " + date);
        }
    }
}
