package com.premiumledger.platform.history;

import com.premiumledger.platform.web.ApiProblem;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/**
 * The {@code asOf} of a history query: an ISO instant ({@code 2027-01-05T10:00:00Z}), an offset date-time
 * ({@code 2027-01-05T11:00:00+01:00}) or a date ({@code 2027-01-05}: the end of that day, UTC); absent means
 * now. It is compared with when each event was recorded, not with the business dates inside the events.
 */
public final class AsOf {

    private AsOf() {
    }

    public static Instant parse(String text, Clock clock) {
        if (text == null || text.isBlank()) {
            return clock.instant();
        }
        String trimmed = text.trim();
        try {
            if (trimmed.length() == "yyyy-MM-dd".length()) {
                // Inclusive bound: everything recorded on that day counts.
                return LocalDate.parse(trimmed).plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC).minusNanos(1);
            }
            return OffsetDateTime.parse(trimmed).toInstant();
        } catch (DateTimeParseException e) {
            throw ApiProblem.badRequest("invalid-as-of", "asOf must be an ISO instant (2027-01-05T10:00:00Z), an"
                    + " offset date-time or a date (2027-01-05); got '" + abbreviated(trimmed) + "'");
        }
    }

    private static String abbreviated(String text) {
        return text.length() <= 40 ? text : text.substring(0, 40) + "...";
    }
}
