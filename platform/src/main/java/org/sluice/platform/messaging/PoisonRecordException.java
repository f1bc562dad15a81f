package org.sluice.platform.messaging;

/**
 * A record that can never be applied (not a Sluice event, or data that contradicts itself). It goes to
 * the topic's dead-letter topic at once, with this message as the {@code dead-letter-reason} header.
 */
public class PoisonRecordException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public PoisonRecordException(String message) {
        super(message);
    }

    public PoisonRecordException(String message, Throwable cause) {
        super(message, cause);
    }
}
