package com.premiumledger.platform.rebuild;

import com.premiumledger.platform.security.Roles;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Zero-downtime rebuilds of this service's pure projections. */
@RestController
@Tag(name = "operations", description = "Dead letters, republishing and projection rebuilds (OPERATOR)")
public class ProjectionsController {

    private final ProjectionRebuilds rebuilds;

    public ProjectionsController(ProjectionRebuilds rebuilds) {
        this.rebuilds = rebuilds;
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
