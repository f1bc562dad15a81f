package org.sluice.gateway.sealing;

/** A registered public key the gateway cannot seal to; the message says what was expected. */
public class InvalidRecipientKeyException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public InvalidRecipientKeyException(String message) {
        super(message);
    }
}
