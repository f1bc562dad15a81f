package org.sluice.gateway.staging;

/**
 * An uploaded payload that differs from its declaration; the message says what was expected and found.
 * Nothing of it is kept.
 */
public class PayloadMismatchException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String slug;

    PayloadMismatchException(String slug, String message) {
        super(message);
        this.slug = slug;
    }

    /** The problem type: {@code size-mismatch}, {@code digest-mismatch} or {@code payload-too-large}. */
    public String slug() {
        return slug;
    }

    /** More bytes arrived than were declared; reading stopped at the first extra byte. */
    public static PayloadMismatchException oversize(long declared) {
        return new PayloadMismatchException(
                "payload-too-large",
                "the payload is larger than the declared " + declared + " bytes; the upload was stopped");
    }

    /** Fewer bytes arrived than were declared. */
    public static PayloadMismatchException size(long declared, long found) {
        return new PayloadMismatchException(
                "size-mismatch", "expected " + declared + " bytes as declared, found " + found);
    }

    /** The plaintext digest differs from the declared one. */
    public static PayloadMismatchException digest(String declared, String found) {
        return new PayloadMismatchException(
                "digest-mismatch", "expected SHA-256 " + declared + " as declared, found " + found);
    }
}
