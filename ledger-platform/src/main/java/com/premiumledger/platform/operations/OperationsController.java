package com.premiumledger.platform.operations;

import com.premiumledger.platform.rebuild.ProjectionRebuilds;
import com.premiumledger.platform.rebuild.RebuildStatus;
import com.premiumledger.platform.security.Roles;
import com.premiumledger.platform.web.ApiProblem;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Operators' tools every service has: dead letters, republishing and zero-downtime projection rebuilds. */
@RestController
@Tag(name = "operations", description = "Dead letters, republishing and projection rebuilds (OPERATOR)")
public class OperationsController {

    private final DeadLetters deadLetters;
    private final Republisher republisher;
    private final ProjectionRebuilds rebuilds;

    public OperationsController(DeadLetters deadLetters, Republisher republisher, ProjectionRebuilds rebuilds) {
        this.deadLetters = deadLetters;
        this.republisher = republisher;
        this.rebuilds = rebuilds;
    }

    record DeadLetterList(int count, List<DeadLetter> deadLetters) {
    }

    @GetMapping("/operations/dead-letters")
    @PreAuthorize(Roles.OPERATOR)
    @Operation(summary = "Records this service's consumers gave up on, with the error (bounded list)")
    DeadLetterList deadLetters() {
        List<DeadLetter> letters = deadLetters.list();
        return new DeadLetterList(letters.size(), letters);
    }

    @PostMapping("/operations/dead-letters/{id}/retry")
    @PreAuthorize(Roles.OPERATOR)
    @Operation(summary = "Handle a dead letter again after a fix; safe to repeat (consumers dedupe)")
    DeadLetter retry(@PathVariable String id) {
        return deadLetters.retry(id);
    }

    /** Exactly one of the two: one aggregate's events, or everything stored since an instant. */
    record RepublishRequest(String aggregateId, Instant since) {
    }

    @PostMapping("/operations/republish")
    @PreAuthorize(Roles.OPERATOR)
    @Operation(summary = "Send stored events to Kafka again (one aggregate, or all stored since an instant)")
    Map<String, Object> republish(@RequestBody RepublishRequest request) {
        if ((request.aggregateId() == null) == (request.since() == null)) {
            throw ApiProblem.badRequest("validation", "give exactly one of aggregateId and since");
        }
        Republisher.Result result = request.aggregateId() != null
                ? republisher.aggregate(request.aggregateId())
                : republisher.since(request.since());
        return Map.of("commits", result.commits(), "events", result.events());
    }

    record ProjectionList(int count, List<RebuildStatus> projections) {
    }

    @GetMapping("/operations/projections")
    @PreAuthorize(Roles.OPERATOR)
    @Operation(summary = "This service's rebuildable projections, each with its latest rebuild")
    ProjectionList projections() {
        List<RebuildStatus> projections = rebuilds.list();
        return new ProjectionList(projections.size(), projections);
    }

    @GetMapping("/operations/projections/{name}")
    @PreAuthorize(Roles.OPERATOR)
    @Operation(summary = "A projection's latest rebuild: state, events processed and remaining, events/s, time"
            + " left", responses = {@ApiResponse(responseCode = "200", description = "the projection"),
            @ApiResponse(responseCode = "404", description = "no rebuildable projection of that name")})
    RebuildStatus projection(@PathVariable String name) {
        return rebuilds.status(name);
    }

    @PostMapping("/operations/projections/{name}/rebuild")
    @PreAuthorize(Roles.OPERATOR)
    @ResponseStatus(HttpStatus.ACCEPTED)
    @Operation(summary = "Build a fresh copy of the projection from offset zero beside the live one; it takes"
            + " over once caught up", responses = {
            @ApiResponse(responseCode = "202", description = "started; poll GET /operations/projections/{name}"),
            @ApiResponse(responseCode = "404", description = "no rebuildable projection of that name"),
            @ApiResponse(responseCode = "409", description = "a rebuild of it runs already, or the most allowed run")})
    RebuildStatus rebuild(@PathVariable String name) {
        return rebuilds.start(name);
    }

    @DeleteMapping("/operations/projections/{name}/rebuild")
    @PreAuthorize(Roles.OPERATOR)
    @Operation(summary = "Cancel the running rebuild and drop its partial copy; the live copy is untouched",
            responses = {@ApiResponse(responseCode = "200", description = "cancelled"),
            @ApiResponse(responseCode = "404", description = "no rebuildable projection of that name"),
            @ApiResponse(responseCode = "409", description = "no rebuild of it is running")})
    RebuildStatus cancel(@PathVariable String name) {
        return rebuilds.cancel(name);
    }
}
