package org.sluice.cli.io;

import java.io.IOException;

/**
 * An upload or download broke off and the retries ran out (exit code 5). What arrived is kept, so running the same
 * command again continues from there.
 */
public final class InterruptedTransferException extends IOException {
    private static final long serialVersionUID = 1L;

    public InterruptedTransferException(String message, Throwable cause) {
        super(message, cause);
    }
}
