package com.premiumledger.billing.calendar;

import com.mongodb.client.MongoDatabase;
import com.premiumledger.billing.support.ViewDocuments;
import com.premiumledger.events.DayClosed;
import java.time.LocalDate;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** The current business date, as projected from DayClosed (empty before the first close). */
@Component
public class BusinessDates {

    static final String COLLECTION = "calendar_view";

    private final ViewDocuments<CalendarView> views;

    BusinessDates(MongoDatabase database) {
        this.views = new ViewDocuments<>(database.getCollection(COLLECTION), CalendarView.class);
    }

    public Optional<LocalDate> current() {
        return views.find(DayClosed.STREAM_KEY).map(CalendarView::businessDate);
    }

    ViewDocuments<CalendarView> views() {
        return views;
    }
}
