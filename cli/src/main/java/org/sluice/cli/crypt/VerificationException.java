package org.sluice.cli.crypt;

import java.io.IOException;

/**
 * A package, manifest or Crypt4GH file failed verification (exit code 3). The message names the defect, as the
 * crypto module's exception found it, and says that nothing was written.
 */
public final class VerificationException extends IOException {
    private static final long serialVersionUID = 1L;

    public VerificationException(String message) {
        super(message);
    }

    public VerificationException(String message, Throwable cause) {
        super(message, cause);
    }
}
