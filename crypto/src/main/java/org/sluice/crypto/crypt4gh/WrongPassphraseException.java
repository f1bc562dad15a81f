package org.sluice.crypto.crypt4gh;

/** A protected secret key file whose passphrase is missing or does not unlock it. */
public final class WrongPassphraseException extends KeyFileException {
    private static final long serialVersionUID = 1L;

    WrongPassphraseException(String message) {
        super(message);
    }
}
