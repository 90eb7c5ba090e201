package com.premiumledger.billing.calendar;

import com.premiumledger.events.DayClosed;
import com.premiumledger.events.Topics;
import com.premiumledger.platform.consumer.EventStreamHandler;
import com.premiumledger.platform.consumer.ReceivedEvent;
import java.util.Collection;
import java.util.List;
import org.springframework.stereotype.Component;

/** Projects the business date into {@code calendar_view}. */
@Component
class CalendarProjection implements EventStreamHandler {

    private final BusinessDates businessDates;

    CalendarProjection(BusinessDates businessDates) {
        this.businessDates = businessDates;
    }

    @Override
    public String name() {
        return "calendar-view";
    }

    @Override
    public Collection<String> topics() {
        return List.of(Topics.BILLING);
    }

    @Override
    public void handle(ReceivedEvent event) {
        if (!(event.payload() instanceof DayClosed day)) {
            return;
        }
        CalendarView before = businessDates.views().find(DayClosed.STREAM_KEY).orElse(null);
        if (before != null && event.sequence() <= before.lastSequence()) {
            return;
        }
        businessDates.views().save(DayClosed.STREAM_KEY, before == null ? null : before.lastSequence(),
                new CalendarView(day.date(), event.sequence()));
    }
}
