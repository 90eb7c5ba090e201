package com.premiumledger.billing.calendar;

import com.premiumledger.billing.BillingProperties;
import com.premiumledger.events.DayClosed;
import com.premiumledger.platform.web.RuleViolation;
import java.time.LocalDate;
import java.util.List;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.axonframework.test.matchers.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class BusinessCalendarTest {

    private static final LocalDate DAY = LocalDate.of(2027, 1, 20);

    private FixtureConfiguration<BusinessCalendar> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(BusinessCalendar.class);
        fixture.registerInjectableResource(BillingProperties.defaults());
    }

    @Test
    void theFirstCloseClosesOnlyThatDay() {
        fixture.givenNoPriorActivity()
                .when(new CloseDayCommand(DAY, "operator"))
                .expectEvents(new DayClosed(DAY, null, "operator"))
                .expectResultMessagePayload(new CloseDayResult(DAY, List.of(DAY)));
    }

    @Test
    void closingALaterDayClosesEveryDayInBetweenInOrder() {
        fixture.given(new DayClosed(DAY, null, "operator"))
                .when(new CloseDayCommand(DAY.plusDays(3), "operator"))
                .expectEvents(new DayClosed(DAY.plusDays(1), DAY, "operator"),
                        new DayClosed(DAY.plusDays(2), DAY.plusDays(1), "operator"),
                        new DayClosed(DAY.plusDays(3), DAY.plusDays(2), "operator"))
                .expectResultMessagePayload(new CloseDayResult(DAY.plusDays(3),
                        List.of(DAY.plusDays(1), DAY.plusDays(2), DAY.plusDays(3))));
    }

    @Test
    void closingAClosedDayChangesNothing() {
        fixture.given(new DayClosed(DAY, null, "operator"), new DayClosed(DAY.plusDays(1), DAY, "operator"))
                .when(new CloseDayCommand(DAY, "operator"))
                .expectNoEvents()
                .expectResultMessagePayload(new CloseDayResult(DAY.plusDays(1), List.of()));
        fixture.given(new DayClosed(DAY, null, "operator"))
                .when(new CloseDayCommand(DAY, "operator"))
                .expectNoEvents();
    }

    @Test
    void refusesToCloseMoreDaysThanConfiguredAtOnce() {
        fixture.given(new DayClosed(DAY, null, "operator"))
                .when(new CloseDayCommand(DAY.plusDays(367), "operator"))
                .expectException(Matchers.predicate(e -> e instanceof RuleViolation violation
                        && violation.kind() == RuleViolation.Kind.INVALID && violation.slug().equals("too-many-days")))
                .expectNoEvents();
        fixture.given(new DayClosed(DAY, null, "operator"))
                .when(new CloseDayCommand(DAY.plusDays(366), "operator"))
                .expectSuccessfulHandlerExecution();
    }
}
