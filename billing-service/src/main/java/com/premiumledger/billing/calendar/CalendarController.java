package com.premiumledger.billing.calendar;

import com.premiumledger.platform.command.LedgerCommands;
import com.premiumledger.platform.security.Roles;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.security.Principal;
import java.time.LocalDate;
import java.util.List;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "calendar", description = "The business calendar: closing a day makes it the business date")
class CalendarController {

    record CloseDayResponse(LocalDate businessDate, List<LocalDate> closedDays) {
    }

    record CalendarResponse(LocalDate businessDate) {
    }

    private final LedgerCommands commands;
    private final BusinessDates businessDates;

    CalendarController(LedgerCommands commands, BusinessDates businessDates) {
        this.commands = commands;
        this.businessDates = businessDates;
    }

    @PostMapping("/calendar/days/{date}/close")
    @PreAuthorize(Roles.OPERATOR)
    @Operation(summary = "Close a business day",
            description = "Closes the day and every earlier day not yet closed, one DayClosed each; bills due"
                    + " before it with money open are then missed. Closing a closed day changes nothing.")
    CloseDayResponse close(@PathVariable @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
                           Principal principal) {
        CloseDayResult result = send(new CloseDayCommand(date, principal.getName()), principal);
        return new CloseDayResponse(result.businessDate(), result.closedDays());
    }

    private CloseDayResult send(CloseDayCommand command, Principal principal) {
        try {
            return commands.send(command, principal.getName());
        } catch (AggregateStreamCreationException e) {
            // Two first closes raced to create the calendar; the other one won, so this one now finds it.
            return commands.send(command, principal.getName());
        }
    }

    @GetMapping("/calendar")
    @PreAuthorize(Roles.READER)
    @Operation(summary = "The current business date", description = "businessDate is null before the first close.")
    CalendarResponse calendar() {
        return new CalendarResponse(businessDates.current().orElse(null));
    }
}
