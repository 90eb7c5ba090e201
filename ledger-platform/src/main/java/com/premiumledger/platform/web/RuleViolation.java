package com.premiumledger.platform.web;

/**
 * A business rule an aggregate refused a command on. The kind picks the HTTP status: INVALID 400,
 * NOT_FOUND 404, CONFLICT 409. Aggregates throw it from command handlers, before applying anything.
 */
public class RuleViolation extends RuntimeException {

    public enum Kind { INVALID, NOT_FOUND, CONFLICT }

    private final Kind kind;
    private final String slug;

    public RuleViolation(Kind kind, String slug, String message) {
        super(message);
        this.kind = kind;
        this.slug = slug;
    }

    public static RuleViolation invalid(String slug, String message) {
        return new RuleViolation(Kind.INVALID, slug, message);
    }

    public static RuleViolation notFound(String slug, String message) {
        return new RuleViolation(Kind.NOT_FOUND, slug, message);
    }

    public static RuleViolation conflict(String slug, String message) {
        return new RuleViolation(Kind.CONFLICT, slug, message);
    }

    public Kind kind() {
        return kind;
    }

    public String slug() {
        return slug;
    }
}
