package org.sluice.crypto.manifest;

/** A package sealed to another key than the one offered to open it. */
public final class RecipientKeyMismatchException extends ManifestException {
    private static final long serialVersionUID = 1L;

    RecipientKeyMismatchException(String sealedTo, String offered) {
        super("the package is sealed to key " + sealedTo + ", but the key offered is " + offered);
    }
}
