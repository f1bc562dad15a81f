package org.sluice.gateway.delivery;

/** A requested range that lies outside the representation; answered 416 with {@code Content-Range: bytes *}. */
public class UnsatisfiableRangeException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final long total;

    public UnsatisfiableRangeException(long total) {
        super("the range lies outside the package's " + total + " bytes");
        this.total = total;
    }

    /** Size of the representation. */
    public long total() {
        return total;
    }
}
