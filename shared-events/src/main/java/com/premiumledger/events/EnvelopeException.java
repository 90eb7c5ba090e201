package com.premiumledger.events;

/** A record that cannot be read as an event: missing headers, unknown type, or a body that does not parse. */
public class EnvelopeException extends RuntimeException {

    public EnvelopeException(String message) {
        super(message);
    }

    public EnvelopeException(String message, Throwable cause) {
        super(message, cause);
    }
}
