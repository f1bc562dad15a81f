package org.sluice.transparency.merkle;

/** An inclusion proof that does not lead from the leaf to the root it claims. */
public class InclusionProofException extends Exception {
    private static final long serialVersionUID = 1L;

    public InclusionProofException(String message) {
        super(message);
    }
}
