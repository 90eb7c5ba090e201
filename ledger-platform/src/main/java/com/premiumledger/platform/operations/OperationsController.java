package com.premiumledger.platform.operations;

import com.premiumledger.platform.security.Roles;
import com.premiumledger.platform.web.ApiProblem;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Operators' tools every service has: dead letters and republishing. */
@RestController
@Tag(name = "operations", description = "Dead letters and republishing (OPERATOR)")
public class OperationsController {

    private final DeadLetters deadLetters;
    private final Republisher republisher;

    public OperationsController(DeadLetters deadLetters, Republisher republisher) {
        this.deadLetters = deadLetters;
        this.republisher = republisher;
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
}
