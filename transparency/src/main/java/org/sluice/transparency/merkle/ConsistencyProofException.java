package org.sluice.transparency.merkle;

/** A consistency proof that does not show the older tree to be a prefix of the newer one. */
public class ConsistencyProofException extends Exception {
    private static final long serialVersionUID = 1L;

    public ConsistencyProofException(String message) {
        super(message);
    }
}
