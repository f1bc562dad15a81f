package org.sluice.crypto.crypt4gh;

/** The stream does not start with the Crypt4GH magic {@code crypt4gh}. */
public final class NotCrypt4ghException extends Crypt4ghException {
    private static final long serialVersionUID = 1L;

    NotCrypt4ghException(String message) {
        super(message);
    }
}
