package org.sluice.crypto.manifest;

import java.io.IOException;

/**
 * A manifest, or a package checked against one, that fails verification. Subclasses name the check; messages
 * say what was expected and what was found.
 */
public class ManifestException extends IOException {
    private static final long serialVersionUID = 1L;

    ManifestException(String message) {
        super(message);
    }

    ManifestException(String message, Throwable cause) {
        super(message, cause);
    }
}
