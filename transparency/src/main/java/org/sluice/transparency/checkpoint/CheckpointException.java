package org.sluice.transparency.checkpoint;

/** A checkpoint or signed note that is malformed, or whose signature does not verify. */
public class CheckpointException extends Exception {
    private static final long serialVersionUID = 1L;

    public CheckpointException(String message) {
        super(message);
    }
}
