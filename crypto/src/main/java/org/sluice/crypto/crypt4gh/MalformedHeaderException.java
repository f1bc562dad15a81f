package org.sluice.crypto.crypt4gh;

/** A Crypt4GH header that breaks the format: truncated, a packet of impossible length, unknown content. */
public final class MalformedHeaderException extends Crypt4ghException {
    private static final long serialVersionUID = 1L;

    MalformedHeaderException(String message) {
        super(message);
    }
}
