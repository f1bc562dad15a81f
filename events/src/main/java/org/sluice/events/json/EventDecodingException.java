package org.sluice.events.json;

/**
 * A record that is not a valid Sluice event: not JSON, not a CloudEvent, an unknown type, or data that
 * does not fit its schema. Such records are poison: consumers send them to the topic's dead-letter
 * topic with the message of this exception in the headers.
 */
public class EventDecodingException extends Exception {
    private static final long serialVersionUID = 1L;

    public EventDecodingException(String message) {
        super(message);
    }

    public EventDecodingException(String message, Throwable cause) {
        super(message, cause);
    }
}
