package com.premiumledger.platform.history;

import com.premiumledger.platform.PlatformProperties;
import com.fasterxml.jackson.databind.JsonNode;
import com.premiumledger.events.EventJson;
import com.premiumledger.events.LedgerEvent;
import com.premiumledger.platform.eventstore.MongoEventStorageEngine;
import com.premiumledger.platform.eventstore.StoredCommit;
import com.premiumledger.platform.eventstore.StoredEvent;
import com.premiumledger.platform.web.ApiProblem;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * One aggregate's stored events up to an instant, read from the event store by {@code _id} (never from a
 * projection), for a service to fold into the state the aggregate's view had then. The events are the
 * stream's prefix recorded at or before {@code asOf}: a fold needs every event before the last one it sees.
 */
public class AggregateHistory {

    /** An event as stored, read (and upcast) into its contract, with its listing for the history. */
    public record Step(StoredEvent stored, LedgerEvent payload, HistoryEvent listed) {
    }

    /**
     * @param storedEvents every event the stream holds now, also those after {@code asOf}
     */
    public record Events(String aggregateId, Instant asOf, List<Step> steps, long storedEvents) {

        public List<HistoryEvent> listed() {
            return steps.stream().map(Step::listed).toList();
        }
    }

    private final MongoEventStorageEngine storage;
    private final PlatformProperties.History properties;

    public AggregateHistory(MongoEventStorageEngine storage, PlatformProperties.History properties) {
        this.storage = storage;
        this.properties = properties;
    }

    /**
     * The stream of {@code aggregateId} up to {@code asOf}. 404 ({@code notFoundSlug}) when no aggregate of
     * {@code aggregateType} has that id, or when it had no event yet at {@code asOf}.
     */
    public Events upTo(String aggregateId, String aggregateType, Instant asOf, String notFoundSlug) {
        if (aggregateId.isBlank() || aggregateId.length() > properties.idLengthMax()) {
            throw ApiProblem.badRequest("invalid-id", "an id has 1 to " + properties.idLengthMax() + " characters");
        }
        List<StoredCommit> commits = storage.readCommits(aggregateId);
        if (commits.isEmpty() || !aggregateType.equals(commits.get(0).events().get(0).aggregateType())) {
            throw ApiProblem.notFound(notFoundSlug, "no " + aggregateType + " " + aggregateId + " is stored");
        }
        long storedEvents = commits.get(commits.size() - 1).lastSequence() + 1;
        List<Step> steps = new ArrayList<>();
        for (StoredCommit commit : commits) {
            for (StoredEvent event : commit.events()) {
                if (event.timestamp().isAfter(asOf)) {
                    return checked(aggregateId, aggregateType, asOf, steps, storedEvents, notFoundSlug);
                }
                if (steps.size() == properties.eventsMax()) {
                    throw ApiProblem.badRequest("history-too-large", aggregateId + " has more than "
                            + properties.eventsMax() + " events up to " + asOf
                            + " (premium.history.events-max); ask for an earlier asOf");
                }
                steps.add(step(event));
            }
        }
        return checked(aggregateId, aggregateType, asOf, steps, storedEvents, notFoundSlug);
    }

    private static Events checked(String aggregateId, String aggregateType, Instant asOf, List<Step> steps,
                                  long storedEvents, String notFoundSlug) {
        if (steps.isEmpty()) {
            throw ApiProblem.notFound(notFoundSlug, aggregateType + " " + aggregateId + " had no events yet at "
                    + asOf);
        }
        return new Events(aggregateId, asOf, List.copyOf(steps), storedEvents);
    }

    private Step step(StoredEvent event) {
        byte[] json = event.payloadJson().getBytes(StandardCharsets.UTF_8);
        LedgerEvent payload = EventJson.read(event.type(), json, event.timestamp());
        JsonNode node;
        try {
            // The listing shows the payload as stored; the fold gets it upcast to the current contract.
            node = EventJson.mapper().readTree(json);
        } catch (IOException e) {
            throw new IllegalStateException("stored event " + event.eventId() + " is not JSON", e);
        }
        return new Step(event, payload, HistoryEvent.of(event, node, properties.summaryLengthMax()));
    }
}
