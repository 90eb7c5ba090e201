package com.premiumledger.platform.web;

import org.springframework.http.HttpStatus;

/**
 * A request the service refuses, with the status and stable problem type it answers with. Thrown before
 * anything is written, so a refused request leaves no trace but its log line.
 */
public class ApiProblem extends RuntimeException {

    private final HttpStatus status;
    private final String slug;
    private final String title;

    public ApiProblem(HttpStatus status, String slug, String title, String detail) {
        super(detail);
        this.status = status;
        this.slug = slug;
        this.title = title;
    }

    public static ApiProblem badRequest(String slug, String detail) {
        return new ApiProblem(HttpStatus.BAD_REQUEST, slug, "Invalid request", detail);
    }

    public static ApiProblem notFound(String slug, String detail) {
        return new ApiProblem(HttpStatus.NOT_FOUND, slug, "Not found", detail);
    }

    public static ApiProblem conflict(String slug, String detail) {
        return new ApiProblem(HttpStatus.CONFLICT, slug, "Conflict", detail);
    }

    public HttpStatus status() {
        return status;
    }

    public String slug() {
        return slug;
    }

    public String title() {
        return title;
    }
}
