package org.sluice.cli.http;

import java.io.IOException;

/** The gateway could not be reached, did not answer in time, or the connection broke off. */
public final class GatewayUnreachableException extends IOException {
    private static final long serialVersionUID = 1L;

    public GatewayUnreachableException(String message, Throwable cause) {
        super(message, cause);
    }
}
