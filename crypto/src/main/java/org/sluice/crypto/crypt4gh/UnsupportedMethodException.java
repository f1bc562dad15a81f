package org.sluice.crypto.crypt4gh;

/** A header addressed to the reader that asks for an encryption method Crypt4GH 1.0 does not define. */
public final class UnsupportedMethodException extends Crypt4ghException {
    private static final long serialVersionUID = 1L;

    UnsupportedMethodException(String message) {
        super(message);
    }
}
