package com.premiumledger.billing.calendar;

import com.premiumledger.events.DayClosed;
import com.premiumledger.events.LedgerEvent;
import com.premiumledger.events.Topics;
import com.premiumledger.platform.consumer.EventStreamHandler;
import com.premiumledger.platform.consumer.ReceivedEvent;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * Projects the business date into {@code calendar_view}. The calendar's sequence number guards it: a DayClosed
 * that comes again, also after later days, cannot move the date back.
 */
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

    /** A pure projection: a replay-only copy needs the business date its views are read with. */
    @Override
    public boolean replayable() {
        return true;
    }

    @Override
    public Set<Class<? extends LedgerEvent>> eventTypes() {
        return Set.of(DayClosed.class);
    }

    /** Every day of a batch in one read and one write of the single view document. */
    @Override
    public void handleAll(List<ReceivedEvent> events) {
        if (!businessDates.views().foldAll(events, CalendarProjection::isDayClosed, CalendarView::lastSequence,
                (before, event) -> viewAfter(event)).stored()) {
            events.forEach(this::handle);
        }
    }

    @Override
    public void handle(ReceivedEvent event) {
        if (!isDayClosed(event)) {
            return;
        }
        CalendarView before = businessDates.views().find(event.aggregateId()).orElse(null);
        if (before != null && event.sequence() <= before.lastSequence()) {
            return;
        }
        businessDates.views().save(event.aggregateId(), before == null ? null : before.lastSequence(),
                viewAfter(event));
    }

    private static boolean isDayClosed(ReceivedEvent event) {
        return event.payload() instanceof DayClosed;
    }

    private static CalendarView viewAfter(ReceivedEvent event) {
        return new CalendarView(((DayClosed) event.payload()).date(), event.sequence());
    }
}
