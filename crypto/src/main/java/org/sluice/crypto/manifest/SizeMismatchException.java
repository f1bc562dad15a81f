package org.sluice.crypto.manifest;

/** A package or plaintext of another size than the manifest states. */
public final class SizeMismatchException extends ManifestException {
    private static final long serialVersionUID = 1L;

    private final String what;
    private final long expected;
    private final long found;

    SizeMismatchException(String what, long expected, long found, String message) {
        super(message);
        this.what = what;
        this.expected = expected;
        this.found = found;
    }

    /** What was measured: {@code body} or {@code plaintext}. */
    public String what() {
        return what;
    }

    /** Bytes the manifest states. */
    public long expected() {
        return expected;
    }

    /** Bytes found (for a stream cut off as soon as it exceeded the manifest: the bytes read until then). */
    public long found() {
        return found;
    }
}
