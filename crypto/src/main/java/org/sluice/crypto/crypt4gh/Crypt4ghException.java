package org.sluice.crypto.crypt4gh;

import java.io.IOException;

/**
 * A Crypt4GH file or key that cannot be read. Subclasses name the defect; messages say what was expected
 * and what was found, never key material.
 */
public class Crypt4ghException extends IOException {
    private static final long serialVersionUID = 1L;

    public Crypt4ghException(String message) {
        super(message);
    }

    public Crypt4ghException(String message, Throwable cause) {
        super(message, cause);
    }
}
