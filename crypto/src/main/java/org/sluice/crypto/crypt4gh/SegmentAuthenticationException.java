package org.sluice.crypto.crypt4gh;

/**
 * A data segment whose MAC does not verify under any data key of the header: its bytes were altered or it
 * was not encrypted with this file's data key.
 */
public class SegmentAuthenticationException extends Crypt4ghException {
    private static final long serialVersionUID = 1L;

    private final long segment;

    SegmentAuthenticationException(long segment) {
        this(
                segment,
                "segment " + segment + " does not authenticate: its bytes were altered (e.g. a flipped byte)"
                        + " or it was not encrypted with this file's data key");
    }

    SegmentAuthenticationException(long segment, String message) {
        super(message);
        this.segment = segment;
    }

    /** Index of the failing segment, from 0. */
    public long segment() {
        return segment;
    }
}
