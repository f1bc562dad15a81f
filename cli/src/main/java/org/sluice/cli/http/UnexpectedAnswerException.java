package org.sluice.cli.http;

import java.io.IOException;

/** The gateway answered with something this client does not understand (another version, or not a gateway). */
public final class UnexpectedAnswerException extends IOException {
    private static final long serialVersionUID = 1L;

    public UnexpectedAnswerException(String message) {
        super(message);
    }

    public UnexpectedAnswerException(String message, Throwable cause) {
        super(message, cause);
    }
}
