package org.sluice.crypto.manifest;

/** A SHA-256 computed over part of a package that differs from the one the manifest states. */
public final class DigestMismatchException extends ManifestException {
    private static final long serialVersionUID = 1L;

    private final String what;
    private final String expected;
    private final String found;

    DigestMismatchException(String what, String expected, String found, String explanation) {
        super(explanation + " (" + what + " SHA-256: expected " + expected + ", found " + found + ")");
        this.what = what;
        this.expected = expected;
        this.found = found;
    }

    /** What was hashed: {@code header}, {@code body} or {@code plaintext}. */
    public String what() {
        return what;
    }

    /** The hex digest the manifest states. */
    public String expected() {
        return expected;
    }

    /** The hex digest computed. */
    public String found() {
        return found;
    }
}
