package com.premiumledger.deploy.cli;

/** A service answered with an error; {@code type} is its stable problem type when it sent problem+json. */
final class ServerProblem extends RuntimeException {

    private final int status;
    private final String type;
    private final String title;
    private final String detail;

    ServerProblem(int status, String type, String title, String detail) {
        super(status + " " + title + ": " + detail);
        this.status = status;
        this.type = type;
        this.title = title;
        this.detail = detail;
    }

    /** One line an operator can act on: status, title, the problem type's slug, and the detail. */
    String describe() {
        String slug = type == null ? "" : " [" + type.substring(type.lastIndexOf('/') + 1) + "]";
        return "error: " + status + " " + (title == null ? "" : title) + slug
                + (detail == null || detail.isBlank() ? "" : ": " + detail);
    }

    int status() {
        return status;
    }
}
