package org.sluice.crypto.crypt4gh;

import java.util.Locale;

/**
 * The last segment is shorter than it was written: the file was truncated (a short final segment that does
 * not authenticate, or fewer bytes than a nonce and a MAC).
 */
public final class TruncatedSegmentException extends SegmentAuthenticationException {
    private static final long serialVersionUID = 1L;

    TruncatedSegmentException(long segment, int bytes) {
        super(
                segment,
                String.format(
                        Locale.ROOT,
                        "truncated last segment: segment %d ends the file after %,d bytes and does not"
                                + " authenticate (the file was cut short, or that segment altered)",
                        segment,
                        bytes));
    }
}
