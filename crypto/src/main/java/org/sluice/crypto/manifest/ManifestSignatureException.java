package org.sluice.crypto.manifest;

/** A manifest whose signature is by an untrusted key, of another algorithm, or does not verify. */
public final class ManifestSignatureException extends ManifestException {
    private static final long serialVersionUID = 1L;

    ManifestSignatureException(String message) {
        super(message);
    }
}
