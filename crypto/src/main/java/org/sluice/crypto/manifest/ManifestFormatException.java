package org.sluice.crypto.manifest;

/** A signed manifest that is not the JSON document it should be: malformed, a field missing, another schema. */
public final class ManifestFormatException extends ManifestException {
    private static final long serialVersionUID = 1L;

    ManifestFormatException(String message) {
        super(message);
    }

    ManifestFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
