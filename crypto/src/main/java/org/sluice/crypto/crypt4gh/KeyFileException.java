package org.sluice.crypto.crypt4gh;

/** A Crypt4GH key file that cannot be read: wrong armour, bad structure, unsupported KDF or cipher. */
public class KeyFileException extends Crypt4ghException {
    private static final long serialVersionUID = 1L;

    KeyFileException(String message) {
        super(message);
    }

    KeyFileException(String message, Throwable cause) {
        super(message, cause);
    }
}
