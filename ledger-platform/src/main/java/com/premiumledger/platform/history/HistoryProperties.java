package com.premiumledger.platform.history;

import jakarta.validation.constraints.Min;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Limits of the history-as-of queries, which read one aggregate's stored events and fold them.
 *
 * @param eventsMax events one history may fold and list; a longer stream is refused (400), never cut short,
 *     because a partial fold would show a wrong state
 * @param idLengthMax characters of an aggregate id a history request may name
 * @param summaryLengthMax characters of each event's one-line summary
 */
@Validated
@ConfigurationProperties("premium.history")
public record HistoryProperties(
        @Min(1) @DefaultValue("10000") int eventsMax,
        @Min(1) @DefaultValue("100") int idLengthMax,
        @Min(20) @DefaultValue("300") int summaryLengthMax) {
}
