package org.sluice.crypto.sign;

/** A signature that does not verify, or key material that cannot be read. */
public class SignatureException extends Exception {
    private static final long serialVersionUID = 1L;

    public SignatureException(String message) {
        super(message);
    }

    public SignatureException(String message, Throwable cause) {
        super(message, cause);
    }
}
